package io.smelt.cli;

import io.smelt.adapter.testing.TestingProjects;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.Test;
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

/** dbt's {@code results} variable in on-run-end hooks: one RunResult per node the command ran. */
class TestRunEndResults {
    @TempDir
    Path dir;

    @Test
    void onRunEndHooksReadEveryNodesResult() throws Exception {
        Path project = TestingProjects.copy("run_end_results", dir,
                Map.of("type", "duckdb", "path", dir.resolve("r.duckdb").toString()));

        Result result = TestingCli.inProject(project, "build");

        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(1);
        assertThat(result.out()).contains("PASS=3 WARN=0 ERROR=1 SKIP=1 TOTAL=5");
        assertThat(rows("select unique_id, status, failures, resource_type, materialized, dict_node_name, dict_status,"
                + " timing, has_time from main.run_results_log order by unique_id")).containsExactly(
                "model.run_end_results.base|success|null|model|table|base|success|execute:True:True|true",
                "model.run_end_results.downstream|skipped|null|model|view|downstream|skipped||true",
                "test.run_end_results.base_is_empty|fail|1|test|test|base_is_empty|fail|execute:True:True|true",
                "unit_test.run_end_results.base.base_gives_one|pass|0|unit_test||base_gives_one|pass|execute:True:True|true");
        assertThat(rows("select names from main.run_results_failed")).containsExactly("base_is_empty");
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("r.duckdb"));
                ResultSet set = connection.createStatement().executeQuery(sql)) {
            int columns = set.getMetaData().getColumnCount();
            while (set.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(set.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
