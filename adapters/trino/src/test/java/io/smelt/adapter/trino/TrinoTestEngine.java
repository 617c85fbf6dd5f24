package io.smelt.adapter.trino;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.Session;
import io.smelt.adapter.testing.TestEngine;
import io.smelt.adapter.testing.TestingTrinoServer;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The project suites on the shared Trino server's Iceberg catalog. Each test builds into schemas of
 * its own, dropped afterwards. Trino resolves unqualified names against the session's catalog, which
 * is the profile's.
 */
public final class TrinoTestEngine implements TestEngine {
    @Override
    public String name() {
        return "Trino";
    }

    @Override
    public Map<String, Object> targetFields(Path workDir, String schema) {
        return fields(schema);
    }

    @Override
    public boolean sharedServer() {
        return true;
    }

    @Override
    public void dropSchemas(Path workDir, String schema) {
        try (Adapter adapter = new TrinoAdapterFactory().create(TestTrinoAdapter.target(workDir, fields(schema)));
                Session session = adapter.openSession()) {
            List<List<Object>> schemas = session.execute("SELECT schema_name FROM iceberg.information_schema.schemata"
                    + " WHERE schema_name = '" + schema + "' OR schema_name LIKE '" + schema + "\\_%' ESCAPE '\\'", true, -1).rows();
            for (List<Object> row : schemas) {
                session.execute("DROP SCHEMA IF EXISTS iceberg." + adapter.quote(row.get(0).toString()) + " CASCADE");
            }
        }
    }

    /** A profile's fields for the shared server's Iceberg catalog, building into {@code schema}. */
    static Map<String, Object> fields(String schema) {
        Map<String, Object> fields = new LinkedHashMap<>(TestTrinoAdapter.fields(TestingTrinoServer.shared().icebergCatalog()));
        fields.put("schema", schema);
        return fields;
    }
}
