package io.smelt.adapter.duckdb;

import io.smelt.adapter.AdapterConfigException;
import io.smelt.adapter.TargetConfig;
import io.smelt.adapter.jdbc.EngineConfig;
import io.smelt.adapter.jdbc.ProfileFields;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/**
 * A DuckDB target's fields, checked. Field names follow dbt-duckdb.
 *
 * <ul>
 *   <li>{@code path}: the database file, resolved against the project folder when relative, or
 *       {@code :memory:}. When absent Smelt uses {@code <target-path>/<profile>.duckdb} rather
 *       than dbt-duckdb's {@code :memory:}, because each Smelt command runs in its own process and an
 *       in-memory database would lose every model between {@code run} and {@code test}.
 *   <li>{@code database}: defaults to the name DuckDB gives the file (its name up to the first dot),
 *       {@code memory} for {@code :memory:}; any other value is an error, as in dbt-duckdb.
 *   <li>{@code schema} ({@code main}), {@code threads} (1), {@code read_only} (false).
 *   <li>{@code extensions}: names, or maps with {@code name} and {@code repo}; loaded, and installed
 *       first when missing.
 *   <li>{@code settings}: {@code SET key = 'value'} on every session; {@code config_options}:
 *       options given when the database opens.
 *   <li>{@code attach}: maps with {@code path}, optional {@code alias}, {@code type} and
 *       {@code read_only}.
 * </ul>
 *
 * Other fields are kept in {@link #unknownFields()} and otherwise ignored.
 *
 * @param path an absolute file path, or {@code :memory:}
 */
public record DuckDbConfig(
        String path,
        String database,
        String schema,
        int threads,
        boolean readOnly,
        List<Extension> extensions,
        Map<String, String> settings,
        Map<String, String> configOptions,
        List<Attachment> attachments,
        Map<String, Object> unknownFields) implements EngineConfig {
    public static final String MEMORY = ":memory:";

    private static final Set<String> KNOWN_FIELDS = Set.of(
            "type", "path", "database", "schema", "threads", "read_only", "extensions", "settings",
            "config_options", "attach");
    // Option and extension names are spliced into SQL, so only plain names are accepted.
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.]*");

    public DuckDbConfig {
        requireNonNull(path, "path is null");
        requireNonNull(database, "database is null");
        requireNonNull(schema, "schema is null");
        extensions = List.copyOf(extensions);
        settings = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(settings));
        configOptions = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(configOptions));
        attachments = List.copyOf(attachments);
        unknownFields = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(unknownFields));
    }

    /** An extension to load; {@code repository} is null for DuckDB's default repository. */
    public record Extension(String name, String repository) {
        public Extension {
            requireNonNull(name, "name is null");
        }
    }

    /** A further database to attach; {@code alias} and {@code type} may be null. */
    public record Attachment(String path, String alias, String type, boolean readOnly) {
        public Attachment {
            requireNonNull(path, "path is null");
        }
    }

    public boolean inMemory() {
        return MEMORY.equals(path);
    }

    public static DuckDbConfig parse(TargetConfig target) {
        ProfileFields profile = new ProfileFields(target);
        Map<String, Object> fields = target.fields();
        String path = resolvePath(target);
        String derived = MEMORY.equals(path) ? "memory" : databaseNameOf(path);
        String database = profile.string("database", derived);
        if (!database.equals(derived)) {
            throw new AdapterConfigException(
                    "profile field 'database' is '" + database + "' but DuckDB names the database at 'path' '" + derived + "'",
                    "remove 'database' or set it to '" + derived + "'; to write to another database, list it under 'attach'");
        }
        String schema = profile.string("schema", "main");
        if (schema.isBlank()) {
            throw new AdapterConfigException("profile field 'schema' must not be empty");
        }
        int threads = profile.threads();
        boolean readOnly = profile.bool("read_only", false);
        if (readOnly && MEMORY.equals(path)) {
            throw new AdapterConfigException("profile field 'read_only' cannot be true for an in-memory database (path ':memory:')");
        }
        Map<String, Object> unknown = profile.unknown(KNOWN_FIELDS);
        return new DuckDbConfig(path, database, schema, threads, readOnly,
                extensions(fields.get("extensions")),
                options(fields.get("settings"), "settings"),
                options(fields.get("config_options"), "config_options"),
                attachments(fields.get("attach"), target.projectDir()),
                unknown);
    }

    /** The name DuckDB gives a database file: its file name up to the first dot. */
    static String databaseNameOf(String path) {
        String name = Path.of(path).getFileName().toString();
        int dot = name.indexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String resolvePath(TargetConfig target) {
        Object value = target.fields().get("path");
        if (value == null) {
            return target.targetPath().resolve(target.profileName() + ".duckdb").toAbsolutePath().normalize().toString();
        }
        String path = String.valueOf(value).trim();
        if (path.isEmpty()) {
            throw new AdapterConfigException("profile field 'path' must not be empty", "use ':memory:' for an in-memory database");
        }
        if (MEMORY.equals(path)) {
            return path;
        }
        if (path.contains("://") || path.startsWith("md:")) {
            throw new AdapterConfigException("profile field 'path' must be a local file or ':memory:'; remote databases are not supported");
        }
        return target.projectDir().resolve(path).toAbsolutePath().normalize().toString();
    }

    private static List<Extension> extensions(Object value) {
        List<Extension> result = new ArrayList<>();
        int index = 0;
        for (Object item : list(value, "extensions")) {
            String field = "extensions[" + index++ + "]";
            if (item instanceof Map<?, ?> map) {
                String name = name(map.get("name"), field + ".name");
                Object repo = map.get("repo");
                result.add(new Extension(name, repo == null ? null : String.valueOf(repo)));
            }
            else {
                result.add(new Extension(name(item, field), null));
            }
        }
        return result;
    }

    private static Map<String, String> options(Object value, String field) {
        Map<String, String> result = new LinkedHashMap<>();
        if (value == null) {
            return result;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new AdapterConfigException("profile field '" + field + "' must be a map of option names to values");
        }
        map.forEach((key, item) -> {
            String name = name(key, field);
            if (item == null) {
                throw new AdapterConfigException("profile field '" + field + "." + name + "' has no value");
            }
            result.put(name, String.valueOf(item));
        });
        return result;
    }

    private static List<Attachment> attachments(Object value, Path projectDir) {
        List<Attachment> result = new ArrayList<>();
        int index = 0;
        for (Object item : list(value, "attach")) {
            String field = "attach[" + index++ + "]";
            if (!(item instanceof Map<?, ?> map)) {
                throw new AdapterConfigException("profile field '" + field + "' must be a map with 'path' and optional 'alias', 'type', 'read_only'");
            }
            Object path = map.get("path");
            if (path == null || String.valueOf(path).isBlank()) {
                throw new AdapterConfigException("profile field '" + field + ".path' is missing");
            }
            String resolved = String.valueOf(path);
            if (!resolved.contains(":")) {
                resolved = projectDir.resolve(resolved).toAbsolutePath().normalize().toString();
            }
            Object alias = map.get("alias");
            Object type = map.get("type");
            result.add(new Attachment(resolved,
                    alias == null ? null : name(alias, field + ".alias"),
                    type == null ? null : name(type, field + ".type"),
                    ProfileFields.bool(map.get("read_only"), field + ".read_only", false)));
        }
        return result;
    }

    private static List<?> list(Object value, String field) {
        if (value == null) {
            return List.of();
        }
        if (value instanceof List<?> list) {
            return list;
        }
        throw new AdapterConfigException("profile field '" + field + "' must be a list");
    }

    private static String name(Object value, String field) {
        String text = value == null ? "" : String.valueOf(value).trim();
        if (!NAME.matcher(text).matches()) {
            throw new AdapterConfigException("profile field '" + field + "' must be a plain name (letters, digits, '_'), got '" + text + "'");
        }
        return text;
    }
}
