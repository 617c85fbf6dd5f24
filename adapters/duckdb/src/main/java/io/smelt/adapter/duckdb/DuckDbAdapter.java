package io.smelt.adapter.duckdb;

import io.smelt.adapter.Capabilities;
import io.smelt.adapter.ConstraintSupport;
import io.smelt.adapter.Session;
import io.smelt.adapter.jdbc.JdbcAdapter;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;


/**
 * DuckDB, embedded. The database opens with the first session (see {@link DuckDbConfig} for the
 * profile fields) and every session shares it; {@link #close()} closes the sessions and then the
 * database.
 */
public final class DuckDbAdapter extends JdbcAdapter<DuckDbSession, DuckDbConfig> {
    // MERGE INTO exists since DuckDB 1.4; the test suite checks it against the bundled engine
    private static final Capabilities CAPABILITIES = Capabilities.builder()
            .transactions(true)
            .atomicRename(true)
            .createOrReplaceTable(true)
            .merge(true)
            .incrementalStrategies("append", "delete+insert", "merge", "insert_overwrite", "microbatch")
            .concurrentWrites(true)
            .build();

    private final AtomicLong statementRetries = new AtomicLong();
    private final AtomicLong transactionRetries = new AtomicLong();
    private DuckDbDatabase database;

    public DuckDbAdapter(DuckDbConfig config, Set<String> secretValues) {
        super("duckdb", "DuckDB", config, DuckDbTypeMapping.INSTANCE, secretValues);
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    /** DuckDB checks every contract constraint in its {@code create table}, foreign keys included. */
    @Override
    public ConstraintSupport constraintSupport(String constraintType) {
        return ConstraintSupport.ENFORCED;
    }

    @Override
    public String defaultDatabase() {
        return config().database();
    }

    @Override
    public Session openSession() {
        DuckDbDatabase shared;
        synchronized (this) {
            sessions().checkOpen();
            if (database == null) {
                database = DuckDbDatabase.open(config(), secretValues());
            }
            shared = database;
        }
        return sessions().register(new DuckDbSession(this, shared.connect(), sessions()::remove));
    }

    void conflictRetried(boolean transaction) {
        (transaction ? transactionRetries : statementRetries).incrementAndGet();
    }

    /** How often a statement (autocommit) or a transaction was run again after a write conflict. */
    long conflictRetries(boolean transaction) {
        return (transaction ? transactionRetries : statementRetries).get();
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", type());
        fields.put("path", config().path());
        fields.put("database", config().database());
        fields.put("schema", config().schema());
        fields.put("threads", config().threads());
        fields.put("read_only", config().readOnly());
        List<String> extensions = new ArrayList<>();
        config().extensions().forEach(extension -> extensions.add(extension.name()));
        fields.put("extensions", extensions);
        // values may hold credentials (s3_secret_access_key, ...), so only the names are shown
        fields.put("settings", List.copyOf(config().settings().keySet()));
        fields.put("config_options", List.copyOf(config().configOptions().keySet()));
        List<String> attached = new ArrayList<>();
        config().attachments().forEach(a -> attached.add(a.alias() == null ? a.path() : a.alias() + "=" + a.path()));
        fields.put("attach", attached);
        fields.putAll(config().unknownFields());
        return fields;
    }

    /** {@code duckdb://} and the database file, as OpenLineage's dbt integration names a DuckDB target. */
    @Override
    public String openLineageNamespace() {
        return "duckdb://" + config().path();
    }

    @Override
    public void close() {
        if (!closeSessions()) {
            return;
        }
        DuckDbDatabase toClose;
        synchronized (this) {
            toClose = database;
        }
        if (toClose != null) {
            toClose.close();
        }
    }
}
