package io.smelt.adapter.spark;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.Session;
import io.smelt.adapter.testing.TestEngine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The project suites on the shared Spark Thrift server (Delta tables), each test in schemas of its own. */
public final class SparkTestEngine implements TestEngine {
    @Override
    public String name() {
        return "Spark";
    }

    /** Models say USING delta themselves; the suites' profile writer takes flat fields only. */
    @Override
    public Map<String, Object> targetFields(Path workDir, String schema) {
        return fields(schema);
    }

    @Override
    public boolean sharedServer() {
        return true;
    }

    /** Drops the schema and the ones derived from it ({@code <schema>_raw}, ...), as far as it can. */
    @Override
    public void dropSchemas(Path workDir, String schema) {
        try (Adapter adapter = new SparkAdapterFactory().create(TestSparkAdapter.target(workDir, TestSparkAdapter.fields(schema)));
                Session session = adapter.openSession()) {
            List<List<Object>> schemas = session.execute("SHOW SCHEMAS LIKE '" + schema + "*'", true, -1).rows();
            for (List<Object> row : schemas) {
                session.execute("DROP SCHEMA IF EXISTS " + adapter.quote(row.get(0).toString()) + " CASCADE");
            }
        }
        catch (RuntimeException e) {
            // best effort: the server's warehouse is deleted with it
        }
    }

    static Map<String, Object> fields(String schema) {
        Map<String, Object> fields = new LinkedHashMap<>(TestSparkAdapter.fields(schema));
        fields.remove("server_side_parameters");
        return fields;
    }
}
