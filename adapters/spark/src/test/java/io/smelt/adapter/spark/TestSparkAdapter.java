package io.smelt.adapter.spark;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.TargetConfig;
import io.smelt.adapter.testing.AdapterBehavior;
import io.smelt.adapter.testing.BaseAdapterTest;
import io.smelt.adapter.testing.TestingSparkThriftServer;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract suite on the shared Spark Thrift server with Delta. */
class TestSparkAdapter extends BaseAdapterTest {
    @Override
    protected Adapter createAdapter(Path tempDir) {
        return new SparkAdapterFactory().create(target(tempDir, fields("default")));
    }

    /** Plain CREATE TABLE makes Delta tables, as a model's would, rather than Hive text tables. */
    static Map<String, Object> fields(String schema) {
        TestingSparkThriftServer server = TestingSparkThriftServer.shared();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "spark");
        fields.put("method", "thrift");
        fields.put("host", server.host());
        fields.put("port", server.port());
        fields.put("user", "smelt");
        fields.put("schema", schema);
        fields.put("threads", 4);
        fields.put("server_side_parameters", Map.of("spark.sql.sources.default", "delta",
                "spark.sql.legacy.createHiveTableByDefault", "false"));
        return fields;
    }

    static TargetConfig target(Path projectDir, Map<String, Object> fields) {
        return new TargetConfig("shop", "dev", fields, Set.of(), projectDir, projectDir.resolve("target"), false);
    }

    /**
     * A local[2] server runs each DDL statement in about half a second and queues the rest: 8 workers
     * x 10 rounds (640 statements) took 6-7 minutes on 2 cores and once ran past the 5-minute wait.
     * Four workers over three rounds still race on the shared schema and metastore.
     */
    @Override
    public int concurrencyThreads() {
        return 4;
    }

    @Override
    public int concurrencyRounds() {
        return 3;
    }

    /**
     * Delta stores no column names with spaces without column mapping, and the Hive metastore no
     * table names with them. Spark's INSERT reports no row count over Thrift.
     */
    @Override
    public boolean hasBehavior(AdapterBehavior behavior) {
        return behavior != AdapterBehavior.ODD_IDENTIFIERS && behavior != AdapterBehavior.ROWS_AFFECTED && super.hasBehavior(behavior);
    }

    @Override
    public String renameSql(io.smelt.adapter.Relation from, io.smelt.adapter.Relation to) {
        return "ALTER TABLE " + adapter.render(from) + " RENAME TO " + adapter.render(to);
    }

    /** In Spark '' ends a literal and starts the next, which Spark joins: the quote is escaped with a backslash. */
    @Override
    protected String typedValuesQuery() {
        return super.typedValuesQuery().replace("'it''s", "'it\\'s");
    }

    @Override
    protected String longRunningQuery() {
        return "SELECT sum(a.id * b.id) FROM range(100000) a CROSS JOIN range(100000) b";
    }

    @Test
    void namesAndSchemaLevel() {
        assertThat(adapter.type()).isEqualTo("spark");
        assertThat(adapter.dispatchOrder()).containsExactly("spark");
        assertThat(session.execute("SELECT current_database()", true, -1).rows()).containsExactly(List.of("default"));
    }
}
