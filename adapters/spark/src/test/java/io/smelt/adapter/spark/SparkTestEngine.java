package io.smelt.adapter.spark;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.testing.SharedServerTestEngine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The project suites on the shared Spark Thrift server (Delta tables), each test in schemas of its
 * own, dropped as far as Spark can (the server's warehouse is deleted with it).
 */
public final class SparkTestEngine extends SharedServerTestEngine {
    public SparkTestEngine() {
        super("Spark", true);
    }

    /** Models say USING delta themselves; the suites' profile writer takes flat fields only. */
    @Override
    public Map<String, Object> targetFields(Path workDir, String schema) {
        return fields(schema);
    }

    @Override
    protected Adapter adapter(Path workDir, String schema) {
        return new SparkAdapterFactory().create(TestSparkAdapter.target(workDir, TestSparkAdapter.fields(schema)));
    }

    @Override
    protected String schemasQuery(String schema) {
        return "SHOW SCHEMAS LIKE '" + schema + "*'";
    }

    static Map<String, Object> fields(String schema) {
        Map<String, Object> fields = new LinkedHashMap<>(TestSparkAdapter.fields(schema));
        fields.remove("server_side_parameters");
        return fields;
    }
}
