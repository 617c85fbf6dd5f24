package io.smelt.adapter.spark;

import io.smelt.adapter.AdapterConfigException;
import io.smelt.adapter.TargetConfig;

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
        Map<String, Object> unknownFields) {
    /** How the client authenticates to the Thrift server. */
    public enum Auth {
        NONE, NOSASL, LDAP
    }

    private static final Set<String> KNOWN_FIELDS = Set.of(
            "type", "method", "host", "port", "user", "password", "schema", "database", "auth", "connect_retries",
            "connect_timeout", "server_side_parameters", "threads");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?|\\[[0-9A-Fa-f:.]+]");
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
        String method = text(target, "method", "thrift").toLowerCase(Locale.ROOT);
        switch (method) {
            case "thrift" -> { }
            case "http", "odbc", "session" -> throw new AdapterConfigException(
                    "profile field 'method' is '" + method + "', which Smelt does not support; only method: thrift is",
                    "connect to a Spark Thrift server with method: thrift, host and port");
            default -> throw new AdapterConfigException("profile field 'method' must be 'thrift', got '" + target.masked(method) + "'");
        }
        String host = text(target, "host", null);
        if (host == null || host.isEmpty()) {
            throw new AdapterConfigException("profile field 'host' is missing", "name the Spark Thrift server's host");
        }
        if (!HOST.matcher(host).matches()) {
            throw new AdapterConfigException("profile field 'host' must be a host name or address without scheme, port or path, got '"
                    + target.masked(host) + "'", "put the port in 'port'");
        }
        int port = target.integer("port", 10000);
        if (port < 1 || port > 65535) {
            throw new AdapterConfigException("profile field 'port' must be between 1 and 65535, got " + port);
        }
        String schema = text(target, "schema", null);
        String database = text(target, "database", null);
        if (schema == null || schema.isEmpty()) {
            throw new AdapterConfigException("profile field 'schema' is missing", "name the Spark schema (database) models go to");
        }
        if (database != null && !database.isEmpty() && !database.equalsIgnoreCase(schema)) {
            throw new AdapterConfigException("profile fields 'database' and 'schema' differ ('" + target.masked(database) + "' and '"
                    + target.masked(schema) + "'); Spark has no catalog level above schemas", "leave 'database' out or set it to the schema");
        }
        Auth auth = auth(target);
        String password = text(target, "password", null);
        if (auth == Auth.LDAP && (password == null || password.isEmpty())) {
            throw new AdapterConfigException("profile field 'password' is missing; auth: LDAP needs one");
        }
        if (auth != Auth.LDAP && password != null) {
            throw new AdapterConfigException("profile field 'password' is only used with auth: LDAP", "set auth: LDAP, or remove 'password'");
        }
        int retries = target.integer("connect_retries", 0);
        if (retries < 0) {
            throw new AdapterConfigException("profile field 'connect_retries' must not be negative, got " + retries);
        }
        int timeout = target.integer("connect_timeout", 10);
        if (timeout < 1) {
            throw new AdapterConfigException("profile field 'connect_timeout' must be at least 1 (seconds), got " + timeout);
        }
        int threads = target.integer("threads", 1);
        if (threads < 1) {
            throw new AdapterConfigException("profile field 'threads' must be at least 1, got " + threads);
        }
        Map<String, Object> unknown = new LinkedHashMap<>();
        target.fields().forEach((key, value) -> {
            if (!KNOWN_FIELDS.contains(key)) {
                unknown.put(key, target.isSecret(value) ? "****" : value);
            }
        });
        return new SparkConfig(host, port, text(target, "user", null), password, auth, schema.toLowerCase(Locale.ROOT), retries, timeout,
                parameters(target), threads, unknown);
    }

    private static Auth auth(TargetConfig target) {
        String text = text(target, "auth", "NONE");
        return switch (text.toUpperCase(Locale.ROOT)) {
            case "NONE" -> Auth.NONE;
            case "NOSASL" -> Auth.NOSASL;
            case "LDAP" -> Auth.LDAP;
            case "KERBEROS", "CUSTOM" -> throw new AdapterConfigException("profile field 'auth' is '" + text.toUpperCase(Locale.ROOT)
                    + "', which Smelt does not support yet", "use auth: NONE, NOSASL or LDAP");
            default -> throw new AdapterConfigException("profile field 'auth' must be NONE, NOSASL or LDAP, got '" + target.masked(text) + "'");
        };
    }

    private static Map<String, String> parameters(TargetConfig target) {
        Object value = target.fields().get("server_side_parameters");
        Map<String, String> result = new LinkedHashMap<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new AdapterConfigException("profile field 'server_side_parameters' must be a map of Spark settings to values");
        }
        map.forEach((key, item) -> {
            String name = String.valueOf(key).trim();
            if (!PARAMETER.matcher(name).matches()) {
                throw new AdapterConfigException("profile field 'server_side_parameters' has a key that is not a setting name: '"
                        + target.masked(name) + "'", "use a name such as spark.sql.shuffle.partitions");
            }
            if (item == null) {
                throw new AdapterConfigException("profile field 'server_side_parameters." + name + "' has no value");
            }
            String text = String.valueOf(item);
            if (text.contains(";") || text.contains("\n")) {
                throw new AdapterConfigException("profile field 'server_side_parameters." + name + "' must be one value without ';' or line breaks");
            }
            result.put(name, text);
        });
        return result;
    }

    private static String text(TargetConfig target, String key, String defaultValue) {
        Object value = target.fields().get(key);
        if (value == null) {
            return defaultValue;
        }
        if (value instanceof Map || value instanceof Iterable) {
            throw new AdapterConfigException("profile field '" + key + "' must be a single value");
        }
        return String.valueOf(value).trim();
    }
}
