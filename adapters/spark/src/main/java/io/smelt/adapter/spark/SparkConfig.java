package io.smelt.adapter.spark;

import io.smelt.adapter.AdapterConfigException;
import io.smelt.adapter.TargetConfig;
import io.smelt.adapter.jdbc.EngineConfig;
import io.smelt.adapter.jdbc.ProfileFields;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A Spark target's fields, checked. Field names follow dbt-spark's {@code method: thrift}.
 *
 * <ul>
 *   <li>{@code method}: {@code thrift} (the default); {@code http}, {@code odbc} and {@code session}
 *       are refused.
 *   <li>{@code host} (required), {@code port} (10000), {@code user} (optional).
 *   <li>{@code schema} (required). Spark has no catalog level, so {@code database}, when given, must
 *       name the same schema, as in dbt-spark.
 *   <li>{@code auth}: {@code NONE} (default, SASL PLAIN with the user), {@code NOSASL}, or {@code
 *       LDAP} with a {@code password}. Kerberos and the rest are refused.
 *   <li>{@code connect_retries} (0 extra attempts to connect), {@code connect_timeout} (10 seconds
 *       between them and to open a connection), {@code server_side_parameters} (a map set with
 *       {@code SET key=value} on every session), {@code threads} (1).
 * </ul>
 *
 * Other fields are kept in {@link #unknownFields()}, secrets masked, and otherwise ignored.
 */
public record SparkConfig(
        String host,
        int port,
        String user,
        String password,
        Auth auth,
        String schema,
        int connectRetries,
        int connectTimeoutSeconds,
        Map<String, String> serverSideParameters,
        int threads,
        Map<String, Object> unknownFields) implements EngineConfig {
    /** How the client authenticates to the Thrift server. */
    public enum Auth {
        NONE, NOSASL, LDAP
    }

    private static final Set<String> KNOWN_FIELDS = Set.of(
            "type", "method", "host", "port", "user", "password", "schema", "database", "auth", "connect_retries",
            "connect_timeout", "server_side_parameters", "threads");
    // keys are spliced into SET statements, so only dotted names
    private static final Pattern PARAMETER = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

    public SparkConfig {
        requireNonNull(host, "host is null");
        requireNonNull(auth, "auth is null");
        requireNonNull(schema, "schema is null");
        serverSideParameters = Collections.unmodifiableMap(new LinkedHashMap<>(serverSideParameters));
        unknownFields = Collections.unmodifiableMap(new LinkedHashMap<>(unknownFields));
    }

    /** Like the record's own, with the password and parameter values hidden. */
    @Override
    public String toString() {
        return "SparkConfig[host=" + host + ", port=" + port + ", user=" + user + ", password=" + (password == null ? null : "****")
                + ", auth=" + auth + ", schema=" + schema + ", connectRetries=" + connectRetries + ", connectTimeoutSeconds="
                + connectTimeoutSeconds + ", serverSideParameters=" + serverSideParameters.keySet() + ", threads=" + threads + "]";
    }

    public static SparkConfig parse(TargetConfig target) {
        ProfileFields fields = new ProfileFields(target);
        String method = fields.text("method", "thrift").toLowerCase(Locale.ROOT);
        switch (method) {
            case "thrift" -> { }
            case "http", "odbc", "session" -> throw new AdapterConfigException(
                    "profile field 'method' is '" + method + "', which Smelt does not support; only method: thrift is",
                    "connect to a Spark Thrift server with method: thrift, host and port");
            default -> throw new AdapterConfigException("profile field 'method' must be 'thrift', got '" + fields.shown(method) + "'");
        }
        String host = fields.host("name the Spark Thrift server's host", "put the port in 'port'");
        int port = fields.port(10000);
        String schema = fields.required("schema", "name the Spark schema (database) models go to");
        String database = fields.text("database", null);
        if (database != null && !database.isEmpty() && !database.equalsIgnoreCase(schema)) {
            throw new AdapterConfigException("profile fields 'database' and 'schema' differ ('" + fields.shown(database) + "' and '"
                    + fields.shown(schema) + "'); Spark has no catalog level above schemas", "leave 'database' out or set it to the schema");
        }
        Auth auth = auth(fields);
        String password = fields.text("password", null);
        if (auth == Auth.LDAP && (password == null || password.isEmpty())) {
            throw new AdapterConfigException("profile field 'password' is missing; auth: LDAP needs one");
        }
        if (auth != Auth.LDAP && password != null) {
            throw new AdapterConfigException("profile field 'password' is only used with auth: LDAP", "set auth: LDAP, or remove 'password'");
        }
        int retries = fields.atLeast("connect_retries", 0, 0, "");
        int timeout = fields.atLeast("connect_timeout", 10, 1, " (seconds)");
        int threads = fields.threads();
        return new SparkConfig(host, port, fields.text("user", null), password, auth, schema.toLowerCase(Locale.ROOT), retries, timeout,
                parameters(fields), threads, fields.unknown(KNOWN_FIELDS));
    }

    private static Auth auth(ProfileFields fields) {
        String text = fields.text("auth", "NONE");
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "NONE" -> Auth.NONE;
            case "NOSASL" -> Auth.NOSASL;
            case "LDAP" -> Auth.LDAP;
            case "KERBEROS", "CUSTOM" -> throw new AdapterConfigException("profile field 'auth' is '" + text.toUpperCase(Locale.ROOT)
                    + "', which Smelt does not support yet", "use auth: NONE, NOSASL or LDAP");
            default -> throw new AdapterConfigException("profile field 'auth' must be NONE, NOSASL or LDAP, got '" + fields.shown(text) + "'");
        };
    }

    private static Map<String, String> parameters(ProfileFields fields) {
        Map<String, String> result = fields.settings("server_side_parameters", "Spark settings", PARAMETER, "setting name",
                "use a name such as spark.sql.shuffle.partitions");
        result.forEach((name, text) -> {
            if (text.contains(";") || text.contains("\n")) {
                throw new AdapterConfigException("profile field 'server_side_parameters." + name + "' must be one value without ';' or line breaks");
            }
        });
        return result;
    }
}
