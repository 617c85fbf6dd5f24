package io.smelt.cli;

import io.smelt.adapter.testing.TestingProjects;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** --store-failures on test and build, exit codes of tests that store, and a bad store_failures_as, on the store_failures fixture (DuckDB). */
class TestStoreFailuresCommand {
    @TempDir
    Path dir;

    private Path project;
    private Path database;

    @BeforeEach
    void copy() {
        database = dir.resolve("sf.duckdb");
        project = TestingProjects.copy("store_failures", dir, Map.of("type", "duckdb", "path", database.toString()));
        Result run = smelt("run");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
    }

    @Test
    void aFailingTestThatStoresExitsOneAndSaysWhereItsRowsAre() throws Exception {
        Result failing = smelt("test", "-s", "unique_people_id");
        assertThat(failing.exitCode()).as(failing.out() + failing.err()).isEqualTo(1);
        assertThat(failing.out()).contains("FAIL 1 unique_people_id")
                .contains("See test failures:\n  select * from \"sf\".\"main_dbt_test__audit\".\"unique_people_id\"");
        assertThat(rows("select unique_field, n_records from main_dbt_test__audit.unique_people_id")).containsExactly("1|2");

        Result warning = smelt("test", "-s", "accepted_values_people_grp__a__b__c");
        assertThat(warning.exitCode()).as(warning.out() + warning.err()).isZero();
        assertThat(warning.out()).contains("WARN 1 accepted_values_people_grp__a__b__c");
        assertThat(rows("select value_field, n_records from main_dbt_test__audit.accepted_values_people_grp__a__b__c"))
                .containsExactly("x|1");
    }

    @Test
    void theFlagStoresTheRowsOfTestsWithoutAConfig() throws Exception {
        Result plain = smelt("test", "-s", "only_b");
        assertThat(plain.exitCode()).isEqualTo(1);
        assertThat(plain.out()).doesNotContain("See test failures");
        assertThat(tables()).doesNotContain("only_b");

        Result flagged = smelt("test", "-s", "only_b", "never_stored", "--store-failures");
        assertThat(flagged.exitCode()).as(flagged.out() + flagged.err()).isEqualTo(1);
        assertThat(rows("select id, grp from main_dbt_test__audit.only_b")).containsExactly("2|b");
        assertThat(tables()).as("store_failures: false wins over the flag").doesNotContain("never_stored");
        assertThat(Files.readString(project.resolve("target/run_results.json"))).contains("\"store_failures\":true");

        Files.delete(database);
        Result build = smelt("build", "-s", "+only_b", "--store-failures");
        assertThat(build.exitCode()).as(build.out() + build.err()).isEqualTo(1);
        assertThat(build.out()).contains("OK created sql table model main.people").contains("FAIL 1 only_b");
        assertThat(rows("select id, grp from main_dbt_test__audit.only_b")).containsExactly("2|b");
    }

    @Test
    void aBadStoreFailuresAsIsAProjectErrorAtItsTest() throws Exception {
        Path schema = project.resolve("models/schema.yml");
        List<String> lines = Files.readAllLines(schema);
        int configured = lines.indexOf("                store_failures_as: view");
        assertThat(configured).isPositive();
        lines.set(configured, "                store_failures_as: tabel");
        Files.write(schema, lines);
        int testLine = configured - 1;   // "- not_null:", two lines up, 1-based
        assertThat(lines.get(testLine - 1).strip()).isEqualTo("- not_null:");

        Result bad = smelt("test");
        assertThat(bad.exitCode()).as(bad.out() + bad.err()).isEqualTo(2);
        assertThat(bad.err()).contains("models/schema.yml:" + testLine + ":")
                .contains("'tabel' is not a valid value for store_failures_as")
                .contains("hint:");
        assertThat(tables()).as("nothing ran").isEmpty();
    }

    private Result smelt(String... args) {
        return TestingCli.inProject(project, args);
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database);
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    values.add(String.valueOf(result.getObject(i)));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    /** The relations in the audit schema. */
    private List<String> tables() throws SQLException {
        return rows("select table_name from information_schema.tables where table_schema = 'main_dbt_test__audit' order by 1");
    }
}
