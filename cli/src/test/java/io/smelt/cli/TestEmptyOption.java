package io.smelt.cli;

import io.smelt.adapter.testing.TestingProjects;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code --empty} as dbt has it: every ref() and source() reads zero rows, so relations are built without data. */
class TestEmptyOption {
    @TempDir
    Path dir;

    @Test
    void buildWithEmptyBuildsEveryRelationWithItsColumnsAndNoRows() throws Exception {
        Path project = TestingProjects.copy("crossed_tests", dir, Map.of("type", "duckdb", "path", dir.resolve("e.duckdb").toString()));

        Result result = TestingCli.inProject(project, "build", "--empty", "--threads", "2");

        assertThat(result.exitCode()).as("the tests alias their refs: from {{ ref('a') }} a\n" + result.out() + result.err())
                .isZero();
        assertThat(result.out()).contains("PASS=8 WARN=0 ERROR=0 SKIP=0 TOTAL=8");
        assertThat(rows("a")).as("a reads no ref: its own rows").isEqualTo(1);
        assertThat(rows("c")).isZero();
        assertThat(rows("x")).isZero();
        assertThat(rows("y")).isZero();
        assertThat(columns("y")).isEqualTo("id");
        assertThat(Files.readString(project.resolve("target/compiled/crossed_tests/models/c.sql")))
                .contains("select id from (select * from \"e\".\"main\".\"a\" where false limit 0)\n");

        Result tests = TestingCli.inProject(project, "build", "--empty", "-s", "a_has_no_rows", "--vars", "{fail_a: true}");
        assertThat(tests.exitCode()).as("the failing test reads a as no rows").isZero();

        Result full = TestingCli.inProject(project, "run", "-s", "c");
        assertThat(full.exitCode()).isZero();
        assertThat(rows("c")).as("without --empty the rows come back").isEqualTo(1);
    }

    private long rows(String relation) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("e.duckdb"));
                ResultSet rows = connection.createStatement().executeQuery("select count(*) from main." + relation)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private String columns(String relation) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("e.duckdb"));
                ResultSet rows = connection.createStatement().executeQuery(
                        "select string_agg(column_name, ',') from information_schema.columns where table_name = '" + relation + "'")) {
            rows.next();
            return rows.getString(1);
        }
    }
}
