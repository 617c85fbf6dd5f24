package io.smelt.adapter.spark;

import io.smelt.adapter.testing.TestingSparkThriftServer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The shared Spark Thrift server runs Delta DDL and DML over JDBC, as the Spark adapter will. */
class TestTestingSparkThriftServer {
    @Test
    void runsDeltaStatementsOverJdbc()
            throws Exception {
        long startNanos = System.nanoTime();
        TestingSparkThriftServer server = TestingSparkThriftServer.shared();
        long startMillis = (System.nanoTime() - startNanos) / 1_000_000;

        assertThat(server.host()).isEqualTo("127.0.0.1");
        assertThat(server.jdbcUrl()).isEqualTo("jdbc:hive2://127.0.0.1:" + server.port() + "/default");
        assertThat(TestingSparkThriftServer.shared()).isSameAs(server);

        try (Connection connection = DriverManager.getConnection(server.jdbcUrl(), "smelt", "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA IF NOT EXISTS harness_check");
            statement.execute("CREATE OR REPLACE TABLE harness_check.events USING delta AS "
                    + "SELECT * FROM VALUES (1, 'a'), (2, 'b') AS t(id, name)");
            statement.execute("INSERT INTO harness_check.events VALUES (3, 'c')");
            assertThat(rows(statement, "SELECT id, name FROM harness_check.events ORDER BY id"))
                    .containsExactly("1|a", "2|b", "3|c");

            statement.execute("MERGE INTO harness_check.events AS target "
                    + "USING (SELECT * FROM VALUES (2, 'B'), (4, 'd') AS s(id, name)) AS source ON target.id = source.id "
                    + "WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *");
            assertThat(rows(statement, "SELECT id, name FROM harness_check.events ORDER BY id"))
                    .containsExactly("1|a", "2|B", "3|c", "4|d");

            // version 0 created the table, 1 inserted, 2 merged
            List<String> history = new ArrayList<>();
            try (ResultSet result = statement.executeQuery("DESCRIBE HISTORY harness_check.events")) {
                while (result.next()) {
                    history.add(result.getLong("version") + "|" + result.getString("operation"));
                }
            }
            assertThat(history).containsExactly("2|MERGE", "1|WRITE", "0|CREATE OR REPLACE TABLE AS SELECT");
            assertThat(rows(statement, "SELECT id FROM harness_check.events VERSION AS OF 1 ORDER BY id"))
                    .containsExactly("1", "2", "3");

            try (ResultSet result = statement.executeQuery("SHOW TABLE EXTENDED IN harness_check LIKE '*'")) {
                assertThat(result.next()).isTrue();
                assertThat(result.getString("tableName")).isEqualTo("events");
                assertThat(result.getString("information")).contains("Provider: delta");
            }
            statement.execute("DROP SCHEMA harness_check CASCADE");
        }

        // figures for the report: how long the first shared() took and what the server holds
        ProcessHandle child = ProcessHandle.current().children()
                .filter(process -> process.info().commandLine().orElse("").contains("HiveThriftServer2"))
                .findFirst()
                .orElseThrow();
        System.out.printf("Spark Thrift server: shared() took %d ms, pid %d, %s%n", startMillis, child.pid(), residentSetSize(child.pid()));
    }

    private static List<String> rows(Statement statement, String sql)
            throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet result = statement.executeQuery(sql)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                List<String> values = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    values.add(result.getString(column));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }

    private static String residentSetSize(long pid)
            throws IOException {
        return Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .findFirst()
                .orElse("VmRSS: unknown");
    }
}
