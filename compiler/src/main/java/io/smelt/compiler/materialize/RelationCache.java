package io.smelt.compiler.materialize;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.Relation;
import io.smelt.adapter.Session;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which relations exist, loaded one schema at a time with one catalog query and kept current as
 * the run creates and drops relations. Shared by all worker threads.
 */
public final class RelationCache {
    private record SchemaKey(String database, String schema) {
    }

    private final Adapter adapter;
    private final Map<SchemaKey, Map<String, Relation>> schemas = new ConcurrentHashMap<>();

    public RelationCache(Adapter adapter) {
        this.adapter = adapter;
    }

    /** The relation as it exists now, with its type, or null. Loads its schema on first use. */
    Relation lookup(Session session, Relation relation) {
        if (relation.schema() == null) {
            return null;
        }
        Map<String, Relation> schema = schemas.computeIfAbsent(key(relation), key -> load(session, key));
        return schema.get(adapter.normalizeIdentifier(relation.identifier()));
    }

    void changed(Relation relation, boolean exists) {
        Map<String, Relation> schema = schemas.computeIfAbsent(key(relation), key -> new ConcurrentHashMap<>());
        String name = adapter.normalizeIdentifier(relation.identifier());
        if (exists) {
            schema.put(name, relation);
        }
        else {
            schema.remove(name);
        }
    }

    private Map<String, Relation> load(Session session, SchemaKey key) {
        Map<String, Relation> relations = new ConcurrentHashMap<>();
        for (Relation found : session.listRelations(key.database(), key.schema())) {
            relations.put(adapter.normalizeIdentifier(found.identifier()), found);
        }
        return relations;
    }

    private SchemaKey key(Relation relation) {
        String database = relation.database() == null ? adapter.defaultDatabase() : relation.database();
        return new SchemaKey(adapter.normalizeIdentifier(Objects.toString(database, "")),
                adapter.normalizeIdentifier(relation.schema()));
    }
}
