package io.smelt.compiler.graph;

import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

import static java.util.Objects.requireNonNull;

/**
 * Resolves every {@code ref()} and {@code source()} of every enabled node to a unique id and fills
 * in {@link Node#dependsOn()}, as dbt does after parsing.
 *
 * <p>An unqualified ref from package P looks in the root project first, then in P, then in any
 * package (dbt's {@code _packages_to_search}); a match in several packages at the last step is an
 * error here, where dbt picks one silently. {@code ref('pkg', 'name')} looks in {@code pkg} only.
 * Sources resolve the same way by (source name, table name).
 *
 * <p>As in dbt, a test whose target is disabled is disabled with it, and a test whose target does
 * not exist is disabled with a warning; any other node whose ref or source cannot be resolved is an
 * error. All errors are collected into one {@link SmeltException} of kind {@link ErrorKind#GRAPH}.
 */
public final class GraphLinker {
    /**
     * @param nodes enabled nodes with {@code dependsOn} filled in, in input order
     * @param disabled nodes disabled by config, and tests disabled because their target is
     * @param warnings problems dbt reports as warnings (tests whose target does not exist)
     */
    public record Result(List<Node> nodes, List<Node> disabled, List<Diagnostic> warnings) {
        public Result {
            nodes = List.copyOf(nodes);
            disabled = List.copyOf(disabled);
            warnings = List.copyOf(warnings);
        }
    }

    // Each hint compares a name with every known name; past this many a long list of errors needs no more
    private static final int MAX_HINTS = 50;

    private enum Outcome { FOUND, DISABLED, MISSING, AMBIGUOUS }

    private record Target(Outcome outcome, Node node, List<Node> candidates) {
        static final Target MISSING = new Target(Outcome.MISSING, null, List.of());
    }

    private final String rootPackage;
    // package -> name -> nodes: several nodes only for the versions of one model; packages sorted so
    // that ambiguity messages are stable. Sources are named "source.table".
    private final Map<String, Map<String, List<Node>>> refable = new TreeMap<>();
    private final Map<String, Map<String, List<Node>>> disabledRefable = new TreeMap<>();
    private final Map<String, Map<String, List<Node>>> sources = new TreeMap<>();
    private final Map<String, Map<String, List<Node>>> disabledSources = new TreeMap<>();
    private final Set<String> enabledIds = new HashSet<>();
    private final Set<String> disabledIds = new HashSet<>();
    private final Set<String> packages = new TreeSet<>();
    private final List<Diagnostic> errors = new ArrayList<>();
    private final List<Diagnostic> warnings = new ArrayList<>();
    private int hintsGiven;

    private GraphLinker(String rootPackage) {
        this.rootPackage = requireNonNull(rootPackage, "rootPackage is null");
    }

    /**
     * Links the enabled nodes among {@code nodes} (pass disabled ones too, for messages).
     *
     * @return the enabled nodes with {@code dependsOn} filled in, in input order
     * @throws SmeltException of kind GRAPH listing every unresolved ref or source and duplicate name
     */
    public static List<Node> link(List<Node> nodes, String rootPackage) {
        return linkAll(nodes, rootPackage).nodes();
    }

    /** As {@link #link}, also returning what ended up disabled and the warnings. */
    public static Result linkAll(List<Node> nodes, String rootPackage) {
        return new GraphLinker(rootPackage).run(nodes);
    }

    static boolean isRefable(ResourceType type) {
        return type == ResourceType.MODEL || type == ResourceType.SEED || type == ResourceType.SNAPSHOT;
    }

    private Result run(List<Node> nodes) {
        List<Node> enabled = new ArrayList<>();
        List<Node> disabled = new ArrayList<>();
        for (Node node : nodes) {
            packages.add(node.packageName());
            if (node.config().enabled()) {
                enabled.add(node);
                enabledIds.add(node.uniqueId());
                index(node, refable, sources);
            } else {
                disabled.add(node);
                disabledIds.add(node.uniqueId());
                index(node, disabledRefable, disabledSources);
            }
        }
        checkDuplicates(enabled);
        List<Node> linked = new ArrayList<>(enabled.size());
        for (Node node : enabled) {
            if (node.resourceType() == ResourceType.SOURCE) {
                linked.add(node.withDependsOn(List.of()));
                continue;
            }
            Node result = linkNode(node);
            if (result.config().enabled()) {
                linked.add(result);
            } else {
                disabled.add(result);
            }
        }
        if (!errors.isEmpty()) {
            throw new SmeltException(errors);
        }
        return new Result(linked, disabled, warnings);
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

    private static String sourceKey(String sourceName, String tableName) {
        return sourceName + "." + tableName;
    }

    private void checkDuplicates(List<Node> enabled) {
        Map<String, Node> byKey = new HashMap<>();
        for (Node node : enabled) {
            String key;
            if (isRefable(node.resourceType())) {
                String version = ModelVersions.versionOf(node);
                key = "\u0000" + node.packageName() + "\u0000" + node.name() + "\u0000" + (version == null ? "" : version);
            } else {
                key = node.uniqueId();
            }
            Node first = byKey.putIfAbsent(key, node);
            if (first != null) {
                String what = isRefable(node.resourceType()) ? "resources named '" + node.name() + "' in package '"
                        + node.packageName() + "'" : "resources with the unique id '" + node.uniqueId() + "'";
                errors.add(new Diagnostic(ErrorKind.GRAPH, position(node, 0),
                        "found two " + what + ": " + first.uniqueId() + " (" + position(first, 0) + ") and "
                                + node.uniqueId() + " (" + position(node, 0) + ")",
                        "rename one of them, or disable one with 'enabled: false'"));
            }
        }
    }

    private Node linkNode(Node node) {
        boolean isTest = node.resourceType() == ResourceType.TEST;
        Set<String> dependsOn = new LinkedHashSet<>();
        boolean disable = false;
        for (RefCall ref : node.refs()) {
            Target target = resolveRef(node, ref);
            disable |= record(node, target, dependsOn, refText(ref), ref.line(),
                    () -> refHint(ref), () -> refAmbiguityHint(ref, target));
        }
        for (SourceCall call : node.sources()) {
            Target target = resolveSource(node, call);
            String text = "source '" + sourceKey(call.sourceName(), call.tableName()) + "'";
            disable |= record(node, target, dependsOn, text, call.line(),
                    () -> sourceHint(call), () -> "declare the source in only one package");
        }
        TestMetadata test = node.testMetadata();
        if (isTest && !disable && test != null && test.attachedNode() != null) {
            String attached = test.attachedNode();
            if (enabledIds.contains(attached)) {
                dependsOn.add(attached);
            } else if (disabledIds.contains(attached)) {
                disable = true;
            } else {
                warnings.add(new Diagnostic(ErrorKind.GRAPH, position(node, 0),
                        describe(node) + " is attached to '" + attached + "', which does not exist; the test is disabled",
                        null));
                disable = true;
            }
        }
        Node linked = node.withDependsOn(List.copyOf(dependsOn));
        return disable ? linked.withConfig(linked.config().with("enabled", false)) : linked;
    }

    /** Adds a found target, or reports why not; returns true when the (test) node must be disabled. */
    private boolean record(Node node, Target target, Set<String> dependsOn, String targetText, int line,
            Supplier<String> missingHint, Supplier<String> ambiguityHint) {
        boolean isTest = node.resourceType() == ResourceType.TEST;
        switch (target.outcome()) {
            case FOUND -> dependsOn.add(target.node().uniqueId());
            case DISABLED -> {
                // a test of a disabled model is disabled with it
                if (isTest || node.resourceType() == ResourceType.UNIT_TEST) {
                    return true;
                }
                errors.add(new Diagnostic(ErrorKind.GRAPH, position(node, line),
                        describe(node) + " refers to " + targetText + ", which is disabled",
                        "enable " + target.node().uniqueId() + " (" + position(target.node(), 0)
                                + ") or remove the reference"));
            }
            case MISSING -> {
                Diagnostic problem = new Diagnostic(ErrorKind.GRAPH, position(node, line),
                        describe(node) + " refers to " + targetText + ", which does not exist"
                                + (isTest ? "; the test is disabled" : ""),
                        hintsGiven++ < MAX_HINTS ? missingHint.get() : null);
                if (isTest) {
                    warnings.add(problem);
                    return true;
                }
                errors.add(problem);
            }
            case AMBIGUOUS -> {
                List<String> ids = target.candidates().stream().map(Node::uniqueId).toList();
                errors.add(new Diagnostic(ErrorKind.GRAPH, position(node, line),
                        describe(node) + " refers to " + targetText + ", which several packages define: "
                                + String.join(", ", ids),
                        ambiguityHint.get()));
            }
        }
        return false;
    }

    private Target resolveRef(Node from, RefCall ref) {
        Target found = find(refable, ref.name(), ref.version(), ref.packageName(), from.packageName());
        if (found.outcome() != Outcome.MISSING) {
            return found;
        }
        Target off = find(disabledRefable, ref.name(), ref.version(), ref.packageName(), from.packageName());
        return off.outcome() == Outcome.MISSING ? Target.MISSING : new Target(Outcome.DISABLED, off.node(), List.of());
    }

    private Target resolveSource(Node from, SourceCall call) {
        String key = sourceKey(call.sourceName(), call.tableName());
        Target found = find(sources, key, null, null, from.packageName());
        if (found.outcome() != Outcome.MISSING) {
            return found;
        }
        Target off = find(disabledSources, key, null, null, from.packageName());
        return off.outcome() == Outcome.MISSING ? Target.MISSING : new Target(Outcome.DISABLED, off.node(), List.of());
    }

    /** dbt's search order: the named package only; else the root project, the caller's package, then any. */
    private Target find(Map<String, Map<String, List<Node>>> index, String name, String version,
            String explicitPackage, String fromPackage) {
        if (explicitPackage != null) {
            return found(pick(index.get(explicitPackage), name, version));
        }
        Node node = pick(index.get(rootPackage), name, version);
        if (node == null && !fromPackage.equals(rootPackage)) {
            node = pick(index.get(fromPackage), name, version);
        }
        if (node != null) {
            return found(node);
        }
        List<Node> matches = new ArrayList<>(2);
        for (Map<String, List<Node>> byName : index.values()) {
            Node match = pick(byName, name, version);
            if (match != null) {
                matches.add(match);
            }
        }
        if (matches.size() > 1) {
            return new Target(Outcome.AMBIGUOUS, matches.get(0), matches);
        }
        return found(matches.isEmpty() ? null : matches.get(0));
    }

    private static Target found(Node node) {
        return node == null ? Target.MISSING : new Target(Outcome.FOUND, node, List.of());
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

    private String refHint(RefCall ref) {
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

    private static String refAmbiguityHint(RefCall ref, Target target) {
        return "name the package, for example ref('" + target.candidates().get(0).packageName() + "', '" + ref.name() + "')";
    }

    private String sourceHint(SourceCall call) {
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

    private static String refText(RefCall ref) {
        String name = ref.packageName() == null ? ref.name() : ref.packageName() + "." + ref.name();
        return "'" + name + "'" + (ref.version() == null ? "" : " version " + ref.version());
    }

    static String describe(Node node) {
        return node.resourceType().dbtName() + " '" + node.name() + "'";
    }

    /** Where to point at: the ref's line in the node's file, or the YAML entry of generic tests. */
    static SourcePosition position(Node node, int line) {
        if (node.testMetadata() != null && node.definedAt() != null) {
            return node.definedAt();
        }
        if (node.originalFilePath() == null) {
            return node.definedAt();
        }
        if (line > 0) {
            return SourcePosition.of(node.originalFilePath(), line);
        }
        if (node.definedAt() != null && node.originalFilePath().equals(node.definedAt().file())) {
            return node.definedAt();
        }
        return SourcePosition.of(node.originalFilePath());
    }
}
