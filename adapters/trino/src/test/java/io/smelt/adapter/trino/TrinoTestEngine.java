package io.smelt.adapter.trino;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.testing.SharedServerTestEngine;
import io.smelt.adapter.testing.TestingTrinoServer;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The project suites on the shared Trino server's Iceberg catalog. Each test builds into schemas of
 * its own, dropped afterwards. Trino resolves unqualified names against the session's catalog, which
 * is the profile's.
 */
public final class TrinoTestEngine extends SharedServerTestEngine {
    public TrinoTestEngine() {
        super("Trino", false);
    }

    @Override
    public Map<String, Object> targetFields(Path workDir, String schema) {
        return fields(schema);
    }

    @Override
    protected Adapter adapter(Path workDir, String schema) {
        return new TrinoAdapterFactory().create(TestTrinoAdapter.target(workDir, fields(schema)));
    }

    @Override
    protected String schemasQuery(String schema) {
        return "SELECT schema_name FROM iceberg.information_schema.schemata"
                + " WHERE schema_name = '" + schema + "' OR schema_name LIKE '" + schema + "\\_%' ESCAPE '\\'";
    }

    @Override
    protected String dropSchemaSql(Adapter adapter, String schema) {
        return "DROP SCHEMA IF EXISTS iceberg." + adapter.quote(schema) + " CASCADE";
    }

    /** A profile's fields for the shared server's Iceberg catalog, building into {@code schema}. */
    static Map<String, Object> fields(String schema) {
        Map<String, Object> fields = new LinkedHashMap<>(TestTrinoAdapter.fields(TestingTrinoServer.shared().icebergCatalog()));
        fields.put("schema", schema);
        return fields;
    }
}
