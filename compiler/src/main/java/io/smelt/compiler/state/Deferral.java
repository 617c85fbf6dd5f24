package io.smelt.compiler.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.smelt.adapter.Relation;

import java.nio.file.Path;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The relations of a comparison manifest that this run's nodes may read instead of their own: dbt's
 * {@code defer_relation}, which {@code Manifest.merge_from_artifact} gives each node the other manifest
 * has as a model, seed or snapshot that is not ephemeral. {@code --defer} reads them from {@code ref()};
 * {@code clone} copies them.
 */
public final class Deferral {
    /** No comparison manifest: every node reads its own relation. */
    public static final Deferral NONE = new Deferral(null, false, false);

    private static final Set<String> REFABLE = Set.of("model", "seed", "snapshot");

    private final StateManifest manifest;
    private final boolean refs;
    private final boolean favorState;
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final Set<String> read = ConcurrentHashMap.newKeySet();

    private Deferral(StateManifest manifest, boolean refs, boolean favorState) {
        this.manifest = manifest;
        this.refs = refs;
        this.favorState = favorState;
    }

    /**
     * @param refs {@code --defer}: {@code ref()} reads the manifest's relation where {@link #refTarget} says
     * @param favorState {@code --favor-state}
     */
    public static Deferral of(StateManifest manifest, boolean refs, boolean favorState) {
        return new Deferral(manifest, refs, favorState);
    }

    /** Whether nodes carry a {@code defer_relation} (the manifest.json of this run writes it). */
    public boolean active() {
        return manifest != null;
    }

    /** Where the comparison manifest was read, for messages; null for {@link #NONE}. */
    public Path file() {
        return manifest == null ? null : manifest.file();
    }

    /** The comparison manifest's entry that is the node's {@code defer_relation}, or null when it has none. */
    public JsonNode entry(String uniqueId) {
        if (manifest == null) {
            return null;
        }
        JsonNode entry = manifest.node(uniqueId);
        if (entry == null || !REFABLE.contains(entry.path("resource_type").asText())
                || "ephemeral".equals(entry.path("config").path("materialized").asText())) {
            return null;
        }
        return entry;
    }

    /** The node's {@code defer_relation}: where the comparison run built it (type unknown), or null when it has none. */
    public Relation relation(String uniqueId) {
        StateManifest.Relation built = entry(uniqueId) == null ? null : manifest.relation(uniqueId);
        return built == null ? null : new Relation(built.database(), built.schema(), built.identifier(), null);
    }

    /**
     * Where {@code ref()} of a node reads under {@code --defer}, as dbt's {@code RuntimeRefResolver}
     * decides: the comparison run's relation when the node has one and either {@code --favor-state} is
     * given and the node is not selected, or this target lacks the node's relation. Null: this target's.
     *
     * @param existsHere whether this target has the node's relation
     */
    public Relation refTarget(String uniqueId, boolean selected, boolean existsHere) {
        if (!refs) {
            return null;
        }
        Relation deferred = relation(uniqueId);
        if (deferred == null) {
            return null;
        }
        return favorState && !selected || !existsHere ? deferred : null;
    }

    /** Records that a ref read the comparison run's relation of this node; true the first time. */
    public boolean recordRead(String uniqueId) {
        return read.add(uniqueId);
    }

    /** The nodes whose comparison relation a ref read so far, by unique id, sorted. */
    public SortedSet<String> readIds() {
        return new TreeSet<>(read);
    }

    /** Whether refs defer ({@code --defer}) and the comparison manifest lacks this node, said the first time it is asked. */
    public boolean firstLacking(String uniqueId) {
        return refs && relation(uniqueId) == null && reported.add(uniqueId);
    }
}
