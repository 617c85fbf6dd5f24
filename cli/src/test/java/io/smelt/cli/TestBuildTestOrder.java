package io.smelt.cli;

import io.smelt.adapter.testing.TestingProjects;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code build} with tests of several parents, end to end on DuckDB (fixture {@code crossed_tests}). */
@Timeout(120)
class TestBuildTestOrder {
    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void copy() {
        project = TestingProjects.copy("crossed_tests", dir,
                Map.of("type", "duckdb", "path", dir.resolve("x.duckdb").toString(), "threads", 4));
    }

    @Test
    void testsWhoseParentsCrossDoNotMakeBuildWaitForever() throws SQLException {
        Result result = TestingCli.inProject(project, "build");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("PASS=8 WARN=0 ERROR=0 SKIP=0 TOTAL=8");
        assertThat(views()).containsExactly("a", "b", "c", "x", "y");
    }

    @Test
    void aFailingTestSkipsWhatIsBuiltFromItsParentAndNothingElse() throws SQLException {
        Result result = TestingCli.inProject(project, "build", "--vars", "{fail_a: true}");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
        assertThat(result.out()).contains("FAIL 1 a_has_no_rows").contains("SKIP relation main.c")
                .contains("SKIP relation main.y").contains("SKIP test t2").contains("PASS t1")
                .contains("PASS=4 WARN=0 ERROR=1 SKIP=3 TOTAL=8");
        assertThat(views()).containsExactly("a", "b", "x");
    }

    private List<String> views() throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("x.duckdb"));
                ResultSet rows = connection.createStatement().executeQuery(
                        "select table_name from information_schema.tables where table_schema = 'main' order by 1")) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
