package io.smelt.adapter.duckdb;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.Session;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Error translation on DuckDB's real messages: line and column, also when DuckDB cuts the line. */
class TestDuckDbErrors {
    @TempDir
    Path project;
    private Adapter adapter;
    private Session session;

    @BeforeEach
    void open() {
        adapter = new DuckDbAdapterFactory().create(TestDuckDbAdapter.target(project, Map.of("type", "duckdb", "path", ":memory:")));
        session = adapter.openSession();
    }

    @AfterEach
    void close() {
        adapter.close();
    }

    private EngineException fail(String sql) {
        return catchThrowableOfType(EngineException.class, () -> session.execute(sql));
    }

    @Test
    void syntaxErrorPointsAtTheToken() {
        EngineException e = fail("select 1\nfrom range(3)\n    where = 2");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.column()).isEqualTo(11);
        assertThat(e.getMessage()).startsWith("Parser Error: syntax error at or near \"=\"").doesNotContain("LINE 3");
    }

    @Test
    void columnIsFoundInsideACutLine() {
        StringBuilder columns = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            columns.append("c").append(i).append(" + ");
        }
        String line = "select " + columns + "nowhere_col + " + columns + "1 as total";
        EngineException e = fail("-- a comment\n" + line);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(line.indexOf("c0") + 1);
        assertThat(e.getMessage()).contains("c0");
    }

    @Test
    void positionsCountFromTheStatementAsGiven() {
        String sql = "/* {\"app\": \"smelt\"} */\n\n  -- model: orders\n  select nope_x from range(1)";
        EngineException e = fail(sql);
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.column()).isEqualTo(10);
        EngineException parser = fail("\n\n  select 1 from range(1) where and");
        assertThat(parser.line()).isEqualTo(3);
        assertThat(parser.column()).isEqualTo(32);
    }

    @Test
    void windowsLineEndsCountOnce() {
        EngineException e = fail("select 1,\r\n  nope_x\r\nfrom range(1)");
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(3);
    }

    @Test
    void binderErrorNamesTheMissingColumn() {
        String sql = "select id,\n       missing_thing\nfrom (select 1 as id)";
        EngineException e = fail(sql);
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.column()).isEqualTo(8);
        assertThat(e.getMessage()).startsWith("Binder Error").contains("missing_thing");
    }

    @Test
    void errorsWithoutPositionHaveLineZero() {
        EngineException e = fail("select cast('abc' as integer)");
        assertThat(e.getMessage()).startsWith("Conversion Error");
        assertThat(e.getMessage()).doesNotContain("java.", "SQLException");
    }

    @Test
    void translatesMessagesWithoutJavaNames() {
        EngineException e = DuckDbErrors.translate(new SQLException("java.sql.SQLException: Catalog Error: x does not exist"), "select 1");
        assertThat(e.getMessage()).isEqualTo("Catalog Error: x does not exist");
        assertThat(e.line()).isZero();
    }

    @Test
    void recognisesConflicts() {
        assertThat(DuckDbErrors.isConflict(new SQLException("TransactionContext Error: Catalog write-write conflict on create with \"x\""))).isTrue();
        assertThat(DuckDbErrors.isConflict(new SQLException("TransactionContext Error: Conflict on update!"))).isTrue();
        assertThat(DuckDbErrors.isConflict(new SQLException("TransactionContext Error: Failed to commit: PRIMARY KEY or UNIQUE constraint violation"))).isFalse();
        assertThat(DuckDbErrors.isConflict(new SQLException("Binder Error: conflict"))).isFalse();
    }
}
