package io.smelt.compiler.sql;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TestSqlStatements {
    @Test
    void splitsAtTopLevelSemicolons() {
        assertThat(SqlStatements.split("create table t (x int);\ninsert into t values (1);  select * from t"))
                .containsExactly("create table t (x int)", "insert into t values (1)", "select * from t");
        assertThat(SqlStatements.split("select 1")).containsExactly("select 1");
    }

    @Test
    void dropsEmptyAndCommentOnlyStatements() {
        assertThat(SqlStatements.split("")).isEmpty();
        assertThat(SqlStatements.split(" ;; \n ; ")).isEmpty();
        assertThat(SqlStatements.split("select 1;\n-- done\n")).containsExactly("select 1");
        assertThat(SqlStatements.split("/* header */;select 2;/* a */ -- b\n;")).containsExactly("select 2");
    }

    @Test
    void keepsSemicolonsInsideStringsAndQuotedNames() {
        assertThat(SqlStatements.split("select 'a;b' as \"c;d\", `e;f`; select 2"))
                .containsExactly("select 'a;b' as \"c;d\", `e;f`", "select 2");
        assertThat(SqlStatements.split("select 'it''s; fine'; select \"a\"\";\"")).containsExactly(
                "select 'it''s; fine'", "select \"a\"\";\"");
    }

    @Test
    void keepsSemicolonsInsideComments() {
        assertThat(SqlStatements.split("select 1 -- not here; nor here\n, 2; select /* ; */ 3"))
                .containsExactly("select 1 -- not here; nor here\n, 2", "select /* ; */ 3");
        assertThat(SqlStatements.split("select 1 /* unterminated ; comment")).containsExactly("select 1 /* unterminated ; comment");
    }

    @Test
    void commentMarkersInsideStringsAreText() {
        assertThat(SqlStatements.split("select '--'; select '/*'; select 3"))
                .containsExactly("select '--'", "select '/*'", "select 3");
    }

    @Test
    void keepsSemicolonsInsideDollarQuotedBodies() {
        assertThat(SqlStatements.split("create macro m() as $$ select 1; $$; select 2"))
                .containsExactly("create macro m() as $$ select 1; $$", "select 2");
        assertThat(SqlStatements.split("select $body$ a; $$ b; $body$; select 2"))
                .containsExactly("select $body$ a; $$ b; $body$", "select 2");
    }

    @Test
    void parametersAndDollarsInNamesOpenNoQuote() {
        assertThat(SqlStatements.split("select $1; select a$b$ from t; select 3"))
                .containsExactly("select $1", "select a$b$ from t", "select 3");
    }

    @Test
    void anUnterminatedStringRunsToTheEnd() {
        assertThat(SqlStatements.split("select 'a; select 2")).containsExactly("select 'a; select 2");
    }

    @Test
    void findsALeadingWith() {
        assertThat(SqlStatements.leadingWith("with x as (select 1) select * from x")).isZero();
        assertThat(SqlStatements.leadingWith("  -- c\n/* d */ WITH x as (select 1) select 1")).isEqualTo(15);
        assertThat(SqlStatements.leadingWith("with")).isZero();
        assertThat(SqlStatements.leadingWith("with_x as (select 1)")).isEqualTo(-1);
        assertThat(SqlStatements.leadingWith("without")).isEqualTo(-1);
        assertThat(SqlStatements.leadingWith("select 1 with")).isEqualTo(-1);
        assertThat(SqlStatements.leadingWith("")).isEqualTo(-1);
    }
}
