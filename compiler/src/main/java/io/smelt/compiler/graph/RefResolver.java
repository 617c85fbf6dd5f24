package io.smelt.compiler.graph;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import static java.util.Objects.requireNonNull;

/**
 * Finds the node a {@code ref()} or {@code source()} names, by dbt's rules
 * ({@code Manifest.resolve_ref} and {@code resolve_source} in dbt-core's
 * {@code contracts/graph/manifest.py}). The linker and the run-time context both ask this class, so
 * that what a node depends on and what its SQL reads are the same node.
 *
 * <p>{@code ref('pkg', 'name')} looks in {@code pkg} only. An unqualified ref from package P looks in
 * the root project first, then in P, then in any package ({@code _packages_to_search}); a name that
 * several packages define at that last step is ambiguous, as dbt's
 * {@code AmbiguousResourceNameRefError} says (for sources dbt picks one silently; here that is
 * ambiguous too). An enabled node anywhere wins over a disabled one. Without a version, a ref to a
 * versioned model picks its {@code latest_version}, else the greatest version.
 */
public final class RefResolver {
    /** How a lookup ended. */
    public enum Outcome { FOUND, DISABLED, MISSING, AMBIGUOUS }

    /**
     * @param node the node found, the disabled node when DISABLED, the first candidate when
     *     AMBIGUOUS, null when MISSING
     * @param candidates when AMBIGUOUS, one node per package, packages in name order; else empty
     */
    public record Resolution(Outcome outcome, Node node, List<Node> candidates) {
        static final Resolution MISSING = new Resolution(Outcome.MISSING, null, List.of());

        public Resolution {
            requireNonNull(outcome, "outcome is null");
            candidates = List.copyOf(candidates);
        }

        /** The enabled node named, or null when it is disabled, missing or ambiguous. */
        public Node found() {
            return outcome == Outcome.FOUND ? node : null;
        }

        /** The candidates' unique ids, comma-separated, for messages. */
        public String candidateIds() {
            return String.join(", ", candidates.stream().map(Node::uniqueId).toList());
        }

        static Resolution of(Node node) {
            return node == null ? MISSING : new Resolution(Outcome.FOUND, node, List.of());
        }
    }

    private final String rootPackage;
    // package -> name -> nodes: several nodes only for the versions of one model; packages sorted so
    // that ambiguity messages are stable. Sources are named "source.table".
    private final Map<String, Map<String, List<Node>>> refable = new TreeMap<>();
    private final Map<String, Map<String, List<Node>>> disabledRefable = new TreeMap<>();
    private final Map<String, Map<String, List<Node>>> sources = new TreeMap<>();
    private final Map<String, Map<String, List<Node>>> disabledSources = new TreeMap<>();
    private final Set<String> packages = new TreeSet<>();

    private RefResolver(String rootPackage) {
        this.rootPackage = requireNonNull(rootPackage, "rootPackage is null");
    }

    /**
     * Indexes {@code nodes}, enabled and disabled ones ({@code enabled: false} in their config), in
     * input order; nodes that neither ref nor source can name only add their package to hints.
     */
    public static RefResolver of(Iterable<Node> nodes, String rootPackage) {
        RefResolver resolver = new RefResolver(rootPackage);
        for (Node node : nodes) {
            resolver.packages.add(node.packageName());
            if (node.config().enabled()) {
                index(node, resolver.refable, resolver.sources);
            } else {
                index(node, resolver.disabledRefable, resolver.disabledSources);
            }
        }
        return resolver;
    }

    /** Models, seeds and snapshots: what {@code ref()} can name. */
    public static boolean isRefable(ResourceType type) {
        return type == ResourceType.MODEL || type == ResourceType.SEED || type == ResourceType.SNAPSHOT;
    }

    /**
     * @param fromPackage the package of the node that calls {@code ref()}; the root project's for
     *     an operation
     * @param packageName the first argument of a two-argument ref, else null
     * @param version the {@code version=} argument, else null
     */
    public Resolution ref(String fromPackage, String packageName, String name, String version) {
        return resolve(refable, disabledRefable, name, version, packageName, fromPackage);
    }

    /** As {@link #ref} for {@code source(sourceName, tableName)}. */
    public Resolution source(String fromPackage, String sourceName, String tableName) {
        return resolve(sources, disabledSources, sourceKey(sourceName, tableName), null, null, fromPackage);
    }

    private Resolution resolve(Map<String, Map<String, List<Node>>> enabled, Map<String, Map<String, List<Node>>> disabled,
            String name, String version, String explicitPackage, String fromPackage) {
        requireNonNull(fromPackage, "fromPackage is null");
        Resolution found = find(enabled, name, version, explicitPackage, fromPackage);
        if (found.outcome() != Outcome.MISSING) {
            return found;
        }
        Resolution off = find(disabled, name, version, explicitPackage, fromPackage);
        return off.outcome() == Outcome.MISSING ? Resolution.MISSING : new Resolution(Outcome.DISABLED, off.node(), List.of());
    }

    private Resolution find(Map<String, Map<String, List<Node>>> index, String name, String version,
            String explicitPackage, String fromPackage) {
        if (explicitPackage != null) {
            return Resolution.of(pick(index.get(explicitPackage), name, version));
        }
        Node node = pick(index.get(rootPackage), name, version);
        if (node == null && !fromPackage.equals(rootPackage)) {
            node = pick(index.get(fromPackage), name, version);
        }
        if (node != null) {
            return Resolution.of(node);
        }
        List<Node> matches = new ArrayList<>(2);
        for (Map<String, List<Node>> byName : index.values()) {
            Node match = pick(byName, name, version);
            if (match != null) {
                matches.add(match);
            }
        }
        if (matches.size() > 1) {
            return new Resolution(Outcome.AMBIGUOUS, matches.get(0), matches);
        }
        return Resolution.of(matches.isEmpty() ? null : matches.get(0));
    }

    private static Node pick(Map<String, List<Node>> byName, String name, String version) {
        if (byName == null) {
            return null;
        }
        List<Node> nodes = byName.get(name);
        if (nodes != null) {
            if (version == null) {
                return nodes.size() == 1 ? nodes.get(0) : ModelVersions.latest(nodes);
            }
            for (Node node : nodes) {
                if (ModelVersions.sameVersion(version, ModelVersions.versionOf(node))) {
                    return node;
                }
            }
        }
        // Without version info on Node, version 2 of 'x' may also be a node named 'x_v2'
        List<Node> named = version == null ? null : byName.get(name + "_v" + version);
        return named == null ? null : named.get(0);
    }

    private static void index(Node node, Map<String, Map<String, List<Node>>> refIndex,
            Map<String, Map<String, List<Node>>> sourceIndex) {
        if (isRefable(node.resourceType())) {
            refIndex.computeIfAbsent(node.packageName(), k -> new HashMap<>())
                    .computeIfAbsent(node.name(), k -> new ArrayList<>(1)).add(node);
        } else if (node.resourceType() == ResourceType.SOURCE && node.sourceName() != null) {
            sourceIndex.computeIfAbsent(node.packageName(), k -> new HashMap<>())
                    .computeIfAbsent(sourceKey(node.sourceName(), node.name()), k -> new ArrayList<>(1)).add(node);
        }
    }

    static String sourceKey(String sourceName, String tableName) {
        return sourceName + "." + tableName;
    }

    /** How to pick one of an ambiguous ref's candidates. */
    public static String ambiguityHint(String name, Resolution resolution) {
        return "name the package, for example ref('" + resolution.candidates().get(0).packageName() + "', '" + name + "')";
    }

    /** Why a ref found nothing, or null: an unknown package, the versions there are, or a near name. */
    String missingRefHint(RefCall ref) {
        if (ref.packageName() != null && !packages.contains(ref.packageName())) {
            String hint = NameSuggestions.hint(ref.packageName(), packages);
            return "no package named '" + ref.packageName() + "' is loaded" + (hint == null ? "" : "; " + hint);
        }
        if (ref.version() != null) {
            Set<String> known = new TreeSet<>();
            for (Map<String, List<Node>> byName : refable.values()) {
                for (Node node : byName.getOrDefault(ref.name(), List.of())) {
                    String v = ModelVersions.versionOf(node);
                    known.add(v == null ? "(unversioned)" : v);
                }
            }
            if (!known.isEmpty()) {
                return "'" + ref.name() + "' has version(s) " + String.join(", ", known);
            }
        }
        Collection<String> names = new TreeSet<>();
        refable.forEach((pkg, byName) -> {
            if (ref.packageName() == null || ref.packageName().equals(pkg)) {
                names.addAll(byName.keySet());
            }
        });
        return NameSuggestions.hint(ref.name(), names);
    }

    /** Why a source found nothing, or null: a near name, or the tables the source has. */
    String missingSourceHint(SourceCall call) {
        Set<String> all = new TreeSet<>();
        sources.values().forEach(byName -> all.addAll(byName.keySet()));
        String prefix = call.sourceName() + ".";
        List<String> tablesOfSource = all.stream().filter(key -> key.startsWith(prefix)).toList();
        String hint = NameSuggestions.hint(sourceKey(call.sourceName(), call.tableName()),
                tablesOfSource.isEmpty() ? all : tablesOfSource);
        if (hint == null && !tablesOfSource.isEmpty()) {
            hint = "source '" + call.sourceName() + "' has tables: "
                    + String.join(", ", tablesOfSource).replace(prefix, "");
        }
        return hint;
    }
}
