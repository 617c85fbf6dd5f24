package io.smelt.adapter.spark;

import io.smelt.adapter.Capabilities;
import io.smelt.adapter.ConstraintSupport;
import io.smelt.adapter.Relation;
import io.smelt.adapter.Session;
import io.smelt.adapter.jdbc.JdbcAdapter;
import org.apache.kyuubi.jdbc.KyuubiHiveDriver;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;


/**
 * Spark through its Thrift server (HiveServer2 protocol), writing Delta tables. Spark has no
 * transactions, but Delta replaces a table in one {@code CREATE OR REPLACE TABLE} (keeping its
 * history) and merges in one {@code MERGE}.
 *
 * <p>Spark has no catalog level above schemas (dbt-spark treats {@code database} as the schema), so
 * the default database is null and relations render as {@code schema.identifier}.
 */
public final class SparkAdapter extends JdbcAdapter<SparkEngineSession, SparkConfig> {
    private static final Map<String, String> SESSION_DEFAULTS = Map.of("spark.databricks.delta.optimizeMetadataQuery.enabled", "false");
    private static final Capabilities CAPABILITIES = Capabilities.builder()
            .createOrReplaceTable(true)
            .merge(true)
            .incrementalStrategies("append", "merge", "insert_overwrite", "delete+insert", "microbatch")
            .concurrentWrites(true)
            .build();


    public SparkAdapter(SparkConfig config, Set<String> secretValues) {
        super("spark", "Spark", config, SparkTypeMapping.INSTANCE, secretValues);
    }

    @Override
    public Capabilities capabilities() {
        return CAPABILITIES;
    }

    /**
     * Delta checks {@code not null} (in the column definitions) and {@code check} (added with {@code
     * alter table ... add constraint}); Spark 3.5 cannot write keys or uniqueness.
     */
    @Override
    public ConstraintSupport constraintSupport(String constraintType) {
        return constraintType.equals("not_null") || constraintType.equals("check") ? ConstraintSupport.ENFORCED
                : ConstraintSupport.NOT_SUPPORTED;
    }

    /** Always null: Spark's namespaces are one level deep. */
    @Override
    public String defaultDatabase() {
        return null;
    }

    @Override
    public String quote(String identifier) {
        return '`' + identifier.replace("`", "``") + '`';
    }

    /** {@code schema.identifier}: a database, when one is set, is the schema itself in Spark. */
    @Override
    public String render(Relation relation) {
        String schema = relation.schema();
        return (schema == null || schema.isEmpty() ? "" : quote(schema) + ".") + quote(relation.identifier());
    }

    @Override
    public Session openSession() {
        sessions().checkOpen();
        return sessions().register(new SparkEngineSession(this, connect(), sessions()::remove));
    }

    /**
     * What every session sets: the profile's {@code server_side_parameters} over Smelt's defaults.
     * Delta 3.1+ answers {@code MIN}/{@code MAX} of a DATE column from its statistics with a cast that
     * fails when the Thrift server turns {@code spark.sql.datetime.java8API.enabled} on, as Spark's does
     * (delta-io/delta#4201): an incremental filter such as {@code date > (SELECT MAX(date) FROM this)}
     * then fails with "LocalDate cannot be cast to java.sql.Date", so that shortcut is off by default.
     */
    private Map<String, String> sessionParameters() {
        Map<String, String> parameters = new LinkedHashMap<>(SESSION_DEFAULTS);
        parameters.putAll(config().serverSideParameters());
        return parameters;
    }

    /** Connects, trying again {@code connect_retries} times with {@code connect_timeout} seconds between. */
    private Connection connect() {
        for (int attempt = 0; ; attempt++) {
            Connection connection = null;
            try {
                connection = new KyuubiHiveDriver().connect(url(), properties());
                if (connection == null) {
                    throw new SQLException("the driver does not accept " + url());
                }
                try (Statement statement = connection.createStatement()) {
                    for (Map.Entry<String, String> parameter : sessionParameters().entrySet()) {
                        statement.execute("SET " + parameter.getKey() + "=" + parameter.getValue());
                    }
                }
                useSchema(connection);
                return connection;
            }
            catch (SQLException e) {
                closeQuietly(connection);
                if (attempt >= config().connectRetries() || !SparkErrors.unreachable(e)) {
                    throw SparkErrors.translate(e, endpoint(), this::redact);
                }
                try {
                    Thread.sleep(config().connectTimeoutSeconds() * 1000L);
                }
                catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    throw SparkErrors.translate(e, endpoint(), this::redact);
                }
            }
        }
    }

    /** The profile's schema for unqualified names, once it exists; the first run creates it later. */
    private void useSchema(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("USE " + quote(config().schema()));
        }
        catch (SQLException e) {
            // not created yet: relations are always named with their schema
        }
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            }
            catch (SQLException ignored) {
                // already failing
            }
        }
    }

    String endpoint() {
        return config().host() + ":" + config().port();
    }

    // socketTimeout=0: a statement polls the server for as long as it runs, so no read may time out
    private String url() {
        return "jdbc:hive2://" + config().host() + ":" + config().port() + "/default"
                + ";connectTimeout=" + config().connectTimeoutSeconds() * 1000 + ";socketTimeout=0"
                + (config().auth() == SparkConfig.Auth.NOSASL ? ";auth=noSasl" : "");
    }

    private Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("user", config().user() == null ? "smelt" : config().user());
        if (config().password() != null) {
            properties.setProperty("password", config().password());
        }
        return properties;
    }

    /** {@code spark://host:port}, as OpenLineage's dbt integration names a Spark Thrift target. */
    @Override
    public String openLineageNamespace() {
        return "spark://" + config().host() + ":" + config().port();
    }

    @Override
    public Map<String, Object> describe() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", type());
        fields.put("method", "thrift");
        fields.put("host", config().host());
        fields.put("port", config().port());
        if (config().user() != null) {
            fields.put("user", shown(config().user()));
        }
        fields.put("auth", config().auth().name());
        fields.put("schema", config().schema());
        fields.put("threads", config().threads());
        fields.put("connect_retries", config().connectRetries());
        fields.put("connect_timeout", config().connectTimeoutSeconds());
        Map<String, String> parameters = new LinkedHashMap<>();
        config().serverSideParameters().forEach((name, value) -> parameters.put(name, String.valueOf(shown(value))));
        fields.put("server_side_parameters", parameters);
        fields.putAll(config().unknownFields());
        return fields;
    }
}
