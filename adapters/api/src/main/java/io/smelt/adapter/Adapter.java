package io.smelt.adapter;

import java.util.List;
import java.util.Map;

/**
 * One engine for one target. Thread-safe: the runner calls {@link #openSession()} once per worker
 * thread and uses each session from one thread at a time.
 */
public interface Adapter extends AutoCloseable {
    /** The profile type, such as the one its factory serves. */
    String type();

    /**
     * Macro prefixes tried by {@code adapter.dispatch} before {@code default}, most specific first
     * (for example an engine that extends another lists both).
     */
    List<String> dispatchOrder();

    Capabilities capabilities();

    /** The database (catalog) models go to when their config names none. */
    String defaultDatabase();

    /** The schema models go to when their config names none. */
    String defaultSchema();

    /** Worker threads the target asks for. */
    int threads();

    /**
     * Quotes one identifier for this engine; by default as standard SQL does, in double quotes with
     * any double quote in it doubled.
     */
    default String quote(String identifier) {
        return '"' + identifier.replace("\"", "\"\"") + '"';
    }

    /**
     * How the engine stores an unquoted identifier (lower-case for most engines), so that cached
     * relation lookups match what the catalog reports.
     */
    default String normalizeIdentifier(String identifier) {
        return identifier.toLowerCase(java.util.Locale.ROOT);
    }

    /** Renders a relation as the engine wants it in SQL: quoted, with its database when it has one. */
    default String render(Relation relation) {
        StringBuilder sql = new StringBuilder();
        if (relation.database() != null && !relation.database().isEmpty()) {
            sql.append(quote(relation.database())).append('.');
        }
        if (relation.schema() != null && !relation.schema().isEmpty()) {
            sql.append(quote(relation.schema())).append('.');
        }
        return sql.append(quote(relation.identifier())).toString();
    }

    /**
     * Macro files this engine supplies, keyed by a name used in messages (usually the resource path),
     * each holding {@code {% macro %}} definitions that override the compiler's {@code default__}
     * macros.
     */
    Map<String, String> macroResources();

    /** Maps a type name from seeds' {@code column_types} or a cross-engine type to this engine's type. */
    default String mapType(String type) {
        return type;
    }

    /**
     * What the engine does with a contract constraint of the given dbt type ({@code not_null},
     * {@code unique}, {@code primary_key}, {@code foreign_key}, {@code check}). By default as dbt's base
     * adapter says: {@code not_null} and {@code foreign_key} enforced, {@code unique} and {@code
     * primary_key} written but not enforced, {@code check} not supported.
     */
    default ConstraintSupport constraintSupport(String constraintType) {
        return switch (constraintType) {
            case "not_null", "foreign_key" -> ConstraintSupport.ENFORCED;
            case "unique", "primary_key" -> ConstraintSupport.NOT_ENFORCED;
            default -> ConstraintSupport.NOT_SUPPORTED;
        };
    }

    /**
     * Whether a column the model returns with type {@code returned} (as this engine reports it) meets
     * a contract that declares {@code declared} (as the project writes it). By default the declared
     * name goes through {@link #mapType} and the two compare equal ignoring case and blanks; engines
     * add what their types allow (lengths, default precisions).
     */
    default boolean contractTypeMatches(String declared, String returned) {
        return typeKey(mapType(declared)).equals(typeKey(returned));
    }

    /** A type name lower-cased without blanks, for {@link #contractTypeMatches}. */
    static String typeKey(String type) {
        return type.toLowerCase(java.util.Locale.ROOT).replaceAll("\\s+", "");
    }

    /** Opens a session: one connection, used by one thread at a time. */
    Session openSession();

    /** Fields safe to show in {@code debug} output (no secrets). */
    Map<String, Object> describe();

    /**
     * The OpenLineage dataset namespace of this target's relations, as OpenLineage's naming
     * conventions and its dbt integration name the engine ({@code trino://host:port}); a relation's
     * dataset name is its database, schema and identifier joined by dots. By default the profile
     * type, which an engine with a host or a file overrides.
     */
    default String openLineageNamespace() {
        return type();
    }

    @Override
    void close();
}
