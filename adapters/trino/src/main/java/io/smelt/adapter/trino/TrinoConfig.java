package io.smelt.adapter.trino;

import io.smelt.adapter.AdapterConfigException;
import io.smelt.adapter.TargetConfig;
import io.smelt.adapter.jdbc.EngineConfig;
import io.smelt.adapter.jdbc.ProfileFields;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A Trino target's fields, checked. Field names follow dbt-trino.
 *
 * <ul>
 *   <li>{@code host} (required, a host name without scheme or path), {@code port} (8080 over
 *       http, 443 over https when absent; dbt-trino requires it), {@code user} (required).
 *   <li>{@code method}: {@code none} (default) or {@code ldap}, which sends {@code password} with
 *       basic authentication and so needs {@code http_scheme: https} (the default with ldap). The
 *       other dbt-trino methods ({@code jwt}, {@code oauth}, {@code oauth_console}, {@code
 *       kerberos}, {@code certificate}) are refused as not supported yet.
 *   <li>{@code catalog} or its alias {@code database} (required), {@code schema} (required).
 *   <li>{@code session_properties}: a map set on every connection, such as {@code
 *       query_max_run_time: 1h} or {@code iceberg.compression_codec: ZSTD}.
 *   <li>{@code threads} (1), {@code retries} (3 attempts for a statement that could not reach the
 *       server), {@code prepared_statements_enabled} (true), {@code timezone} (the JVM's zone).
 * </ul>
 *
 * Other fields are kept in {@link #unknownFields()}, secrets masked, and otherwise ignored.
 *
 * @param password null unless {@code method} is {@code ldap}
 */
public record TrinoConfig(
        String host,
        int port,
        String user,
        String password,
        Method method,
        String catalog,
        String schema,
        boolean https,
        Map<String, String> sessionProperties,
        int threads,
        int retries,
        boolean preparedStatementsEnabled,
        String timezone,
        Map<String, Object> unknownFields) implements EngineConfig {
    /** How the client proves who it is. */
    public enum Method {
        NONE, LDAP;

        public String profileName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final Set<String> KNOWN_FIELDS = Set.of(
            "type", "host", "port", "user", "password", "method", "catalog", "database", "schema", "http_scheme",
            "session_properties", "threads", "retries", "prepared_statements_enabled", "timezone");
    private static final Set<String> LATER_METHODS = Set.of("jwt", "oauth", "oauth_console", "kerberos", "certificate");
    // session property names are spliced into the connection, so only plain (catalog.)name forms
    private static final Pattern PROPERTY = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

    public TrinoConfig {
        requireNonNull(host, "host is null");
        requireNonNull(user, "user is null");
        requireNonNull(method, "method is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(schema, "schema is null");
        sessionProperties = Collections.unmodifiableMap(new LinkedHashMap<>(sessionProperties));
        unknownFields = Collections.unmodifiableMap(new LinkedHashMap<>(unknownFields));
    }

    /** Like the record's own, with the password masked. */
    @Override
    public String toString() {
        return "TrinoConfig[host=" + host + ", port=" + port + ", user=" + user + ", password=" + (password == null ? null : "****")
                + ", method=" + method + ", catalog=" + catalog + ", schema=" + schema + ", https=" + https
                + ", sessionProperties=" + sessionProperties.keySet() + ", threads=" + threads + ", retries=" + retries
                + ", preparedStatementsEnabled=" + preparedStatementsEnabled + ", timezone=" + timezone + "]";
    }

    public String httpScheme() {
        return https ? "https" : "http";
    }

    public static TrinoConfig parse(TargetConfig target) {
        ProfileFields fields = new ProfileFields(target);
        String methodText = fields.text("method", "none");
        String methodName = methodText.toLowerCase(Locale.ROOT);
        Method method = switch (methodName) {
            case "none" -> Method.NONE;
            case "ldap" -> Method.LDAP;
            default -> throw new AdapterConfigException(LATER_METHODS.contains(methodName)
                    ? "profile field 'method' is '" + methodName + "', which Smelt does not support yet"
                    : "profile field 'method' must be 'none' or 'ldap', got '" + fields.shown(methodText) + "'",
                    "use method: none, or method: ldap with a password over https");
        };
        String schemeText = fields.text("http_scheme", method == Method.LDAP ? "https" : "http");
        String scheme = schemeText.toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new AdapterConfigException("profile field 'http_scheme' must be 'http' or 'https', got '" + fields.shown(schemeText) + "'");
        }
        boolean https = scheme.equals("https");
        String password = fields.text("password", null);
        if (method == Method.NONE && password != null) {
            throw new AdapterConfigException("profile field 'password' is only used with method: ldap",
                    "set method: ldap and http_scheme: https, or remove 'password'");
        }
        if (method == Method.LDAP) {
            if (password == null || password.isEmpty()) {
                throw new AdapterConfigException("profile field 'password' is missing; method: ldap needs one");
            }
            if (!https) {
                throw new AdapterConfigException("profile field 'http_scheme' must be 'https' with method: ldap,"
                        + " because a password must not travel unencrypted", "set http_scheme: https");
            }
        }
        String host = fields.host(null, "put the port in 'port' and the scheme in 'http_scheme'");
        int port = fields.port(https ? 443 : 8080);
        String catalog = catalog(fields);
        String schema = fields.required("schema", null);
        int threads = fields.threads();
        int retries = fields.atLeast("retries", 3, 1, " (the number of attempts)");
        String timezone = fields.text("timezone", null);
        if (timezone != null) {
            try {
                ZoneId.of(timezone);
            }
            catch (DateTimeException e) {
                throw new AdapterConfigException("profile field 'timezone' is not a time zone: '" + fields.shown(timezone) + "'",
                        "use a region such as Europe/Berlin or UTC");
            }
        }
        return new TrinoConfig(host, port, fields.required("user", null), password, method, catalog, schema, https,
                fields.settings("session_properties", "property names", PROPERTY, "property name", "use name or catalog.name"),
                threads, retries, fields.bool("prepared_statements_enabled", true), timezone, fields.unknown(KNOWN_FIELDS));
    }

    private static String catalog(ProfileFields fields) {
        String catalog = fields.text("catalog", null);
        String database = fields.text("database", null);
        if (catalog != null && database != null && !catalog.equalsIgnoreCase(database)) {
            throw new AdapterConfigException("profile fields 'catalog' and 'database' name different catalogs ('"
                    + fields.shown(catalog) + "' and '" + fields.shown(database) + "')", "'database' is an alias of 'catalog': keep one");
        }
        String value = catalog != null ? catalog : database;
        if (value == null || value.isBlank()) {
            throw new AdapterConfigException("profile field 'catalog' (or 'database') is missing", "name the Trino catalog models go to, such as iceberg");
        }
        return value.toLowerCase(Locale.ROOT);
    }
}
