package io.smelt.adapter;

import static java.util.Objects.requireNonNull;

/**
 * A table, view or CTE in the engine. Database and schema may be null where the engine or context
 * has none.
 *
 * @param type null when unknown (not yet looked up)
 */
public record Relation(String database, String schema, String identifier, RelationType type) {
    public Relation {
        requireNonNull(identifier, "identifier is null");
    }

    public Relation withIdentifier(String newIdentifier) {
        return new Relation(database, schema, newIdentifier, type);
    }

    public Relation withType(RelationType newType) {
        return new Relation(database, schema, identifier, newType);
    }

    /** {@code schema.identifier} with no quoting, for messages. */
    public String displayName() {
        return (schema == null ? "" : schema + ".") + identifier;
    }
}
