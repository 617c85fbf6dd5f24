package io.smelt.adapter.trino;

import io.smelt.adapter.testing.TestingTrinoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The harness's real Trino: Iceberg and memory catalogs answer the statements the adapter relies on. */
class TestTestingTrinoServer {
    private TestingTrinoServer server;
    private Connection connection;

    // Per test, not per class, so that -DskipTrino reports each test as skipped
    @BeforeEach
    void connect()
            throws SQLException {
        server = TestingTrinoServer.shared();
        Properties properties = new Properties();
        properties.setProperty("user", "smelt");
        connection = DriverManager.getConnection(server.jdbcUrl(), properties);
    }

    @AfterEach
    void disconnect()
            throws SQLException {
        if (connection != null) {
            connection.close();
        }
    }

    @Test
    void sharedServerIsOnLoopback() {
        assertThat(TestingTrinoServer.shared()).isSameAs(server);
        assertThat(server.host()).isEqualTo("127.0.0.1");
        assertThat(server.jdbcUrl()).isEqualTo("jdbc:trino://127.0.0.1:" + server.port());
        assertThat(server.icebergCatalog()).isEqualTo("iceberg");
        assertThat(server.memoryCatalog()).isEqualTo("memory");
    }

    @Test
    void icebergTablesInsertReplaceAndMerge()
            throws SQLException {
        String schema = server.icebergCatalog() + ".harness";
        execute("CREATE SCHEMA " + schema);
        execute("CREATE TABLE " + schema + ".orders (id bigint, status varchar)");
        execute("INSERT INTO " + schema + ".orders VALUES (1, 'placed'), (2, 'shipped')");
        assertThat(rows("SELECT id, status FROM " + schema + ".orders ORDER BY id"))
                .containsExactly("1|placed", "2|shipped");

        execute("CREATE OR REPLACE TABLE " + schema + ".orders AS "
                + "SELECT * FROM (VALUES (BIGINT '1', VARCHAR 'returned'), (3, 'placed')) AS t (id, status)");
        assertThat(rows("SELECT id, status FROM " + schema + ".orders ORDER BY id"))
                .containsExactly("1|returned", "3|placed");
        // Iceberg replaces in one commit and keeps the old contents as a snapshot
        assertThat(rows("SELECT count(*) >= 2 FROM " + schema + ".\"orders$snapshots\""))
                .containsExactly("true");

        execute("MERGE INTO " + schema + ".orders AS target "
                + "USING (VALUES (BIGINT '3', VARCHAR 'shipped'), (4, 'placed')) AS source (id, status) "
                + "ON target.id = source.id "
                + "WHEN MATCHED THEN UPDATE SET status = source.status "
                + "WHEN NOT MATCHED THEN INSERT (id, status) VALUES (source.id, source.status)");
        assertThat(rows("SELECT id, status FROM " + schema + ".orders ORDER BY id"))
                .containsExactly("1|returned", "3|shipped", "4|placed");

        execute("DROP TABLE " + schema + ".orders");
        execute("DROP SCHEMA " + schema);
    }

    @Test
    void memoryCatalogJoinsIceberg()
            throws SQLException {
        String memory = server.memoryCatalog() + ".harness";
        String iceberg = server.icebergCatalog() + ".harness_join";
        execute("CREATE SCHEMA " + memory);
        execute("CREATE SCHEMA " + iceberg);
        execute("CREATE TABLE " + memory + ".customers AS SELECT * FROM (VALUES (1, 'ada'), (2, 'grace')) AS t (id, name)");
        execute("CREATE TABLE " + iceberg + ".payments AS SELECT * FROM (VALUES (1, 10), (1, 5), (2, 7)) AS t (customer_id, amount)");
        assertThat(rows("SELECT c.name, sum(p.amount) FROM " + memory + ".customers c JOIN " + iceberg + ".payments p "
                + "ON c.id = p.customer_id GROUP BY c.name ORDER BY c.name"))
                .containsExactly("ada|15", "grace|7");
        execute("DROP TABLE " + memory + ".customers");
        execute("DROP TABLE " + iceberg + ".payments");
        execute("DROP SCHEMA " + memory);
        execute("DROP SCHEMA " + iceberg);
    }

    @Test
    void errorsComeBackFromTheServer() {
        assertThatThrownBy(() -> execute("SELECT * FROM " + server.icebergCatalog() + ".missing_schema.missing_table"))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("does not exist");
    }

    private void execute(String sql)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private List<String> rows(String sql)
            throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet resultSet = statement.executeQuery(sql)) {
            int columns = resultSet.getMetaData().getColumnCount();
            while (resultSet.next()) {
                List<String> values = new ArrayList<>();
                for (int column = 1; column <= columns; column++) {
                    values.add(resultSet.getString(column));
                }
                rows.add(String.join("|", values));
            }
        }
        return rows;
    }
}
