package io.smelt.adapter.trino;

import io.smelt.adapter.Capabilities;
import io.smelt.adapter.ConstraintSupport;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.Session;
import io.smelt.adapter.jdbc.JdbcAdapter;
import io.trino.jdbc.TrinoConnection;
import io.trino.jdbc.TrinoDriver;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;


/**
 * Trino over its JDBC driver, every statement in autocommit mode: the Iceberg and memory connectors
 * refuse writes inside a transaction, so each step's atomicity comes from the statement itself.
 *
 * <p>What the engine can do depends on the connector behind the profile's catalog, looked up once in
 * {@code system.metadata.catalogs}. Iceberg replaces a table in one {@code CREATE OR REPLACE TABLE}
 * and merges in one {@code MERGE}; other connectors (memory, hive, ...) get neither, so the compiler
 * builds tables under a temporary name and swaps them in with renames, and only {@code append}
 * incremental models are offered.
 */
public final class TrinoAdapter extends JdbcAdapter<TrinoSession, TrinoConfig> {
    private static final Logger LOG = LoggerFactory.getLogger(TrinoAdapter.class);
    private static final Capabilities ICEBERG = Capabilities.builder()
            .createOrReplaceTable(true)
            .merge(true)
            .incrementalStrategies("append", "delete+insert", "merge", "insert_overwrite", "microbatch")
            .concurrentWrites(true)
            .build();
    private static final Capabilities PLAIN = Capabilities.builder()
            .incrementalStrategies("append")
            .concurrentWrites(true)
            .build();

    private volatile Capabilities capabilities;

    public TrinoAdapter(TrinoConfig config, Set<String> secretValues) {
        super("trino", "Trino", config, TrinoTypeMapping.INSTANCE, secretValues);
    }

    @Override
    public Capabilities capabilities() {
        Capabilities known = capabilities;
        if (known == null) {
            known = "iceberg".equals(connector()) ? ICEBERG : PLAIN;
            capabilities = known;
        }
        return known;
    }

    /**
     * The connector serving the profile's catalog, or null when it cannot be looked up (then the
     * Iceberg capabilities are assumed, and the first statement reports why the server is out of
     * reach).
     */
    private String connector() {
        try (TrinoSession session = open(1)) {
            String found = session.connectorOf(config().catalog());
            if (found == null) {
                LOG.debug("catalog {} not found in system.metadata.catalogs", config().catalog());
                return "iceberg";
            }
            return found;
        }
        catch (EngineException | IllegalStateException e) {
            LOG.debug("cannot look up the connector of catalog {}: {}", config().catalog(), e.getMessage());
            return "iceberg";
        }
    }

    @Override
    public String defaultDatabase() {
        return config().catalog();
    }

    /** Trino's {@code create table} writes only {@code not null}, which Iceberg checks; as dbt-trino, the others cannot be written. */
    @Override
    public ConstraintSupport constraintSupport(String constraintType) {
        return constraintType.equals("not_null") ? ConstraintSupport.ENFORCED : ConstraintSupport.NOT_SUPPORTED;
    }

    @Override
    public Session openSession() {
        return open(config().retries());
    }

    private TrinoSession open(int attempts) {
        sessions().checkOpen();
        Connection connection;
        try {
            connection = new TrinoDriver().connect(url(), properties());
            // set here rather than in the URL, whose path would need escaping
            connection.setCatalog(config().catalog());
            connection.setSchema(config().schema());
            TrinoConnection trino = connection.unwrap(TrinoConnection.class);
            config().sessionProperties().forEach(trino::setSessionProperty);
        }
        catch (SQLException e) {
            throw TrinoErrors.translate(e, endpoint(), this::redact);
        }
        return sessions().register(new TrinoSession(this, connection, attempts, sessions()::remove));
    }

    String endpoint() {
        return config().httpScheme() + "://" + config().host() + ":" + config().port();
    }

    private String url() {
        return "jdbc:trino://" + config().host() + ":" + config().port();
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("user", config().user());
        if (config().password() != null) {
            properties.setProperty("password", config().password());
        }
        if (config().https()) {
            properties.setProperty("SSL", "true");
        }
        properties.setProperty("source", "smelt");
        if (config().timezone() != null) {
            properties.setProperty("timezone", config().timezone());
        }
        return properties;
    }

    /** {@code trino://host:port}, OpenLineage's namespace for Trino. */
    @Override
    public String openLineageNamespace() {
        return "trino://" + config().host() + ":" + config().port();
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", type());
        fields.put("host", config().host());
        fields.put("port", config().port());
        fields.put("http_scheme", config().httpScheme());
        fields.put("user", shown(config().user()));
        fields.put("method", config().method().profileName());
        fields.put("catalog", config().catalog());
        fields.put("schema", config().schema());
        fields.put("threads", config().threads());
        fields.put("retries", config().retries());
        fields.put("prepared_statements_enabled", config().preparedStatementsEnabled());
        if (config().timezone() != null) {
            fields.put("timezone", config().timezone());
        }
        Map<String, String> properties = new LinkedHashMap<>();
        config().sessionProperties().forEach((name, value) -> properties.put(name, String.valueOf(shown(value))));
        fields.put("session_properties", properties);
        fields.putAll(config().unknownFields());
        return fields;
    }
}
