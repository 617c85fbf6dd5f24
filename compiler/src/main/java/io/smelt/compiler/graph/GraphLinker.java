package io.smelt.compiler.graph;

import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Resolves every {@code ref()} and {@code source()} of every enabled node to a unique id and fills
 * in {@link Node#dependsOn()}, as dbt does after parsing. {@link RefResolver} decides which node a
 * call names; the run-time context asks the same resolver.
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

    private final RefResolver resolver;
    private final Set<String> enabledIds = new HashSet<>();
    private final Set<String> disabledIds = new HashSet<>();
    private final List<Diagnostic> errors = new ArrayList<>();
    private final List<Diagnostic> warnings = new ArrayList<>();
    private int hintsGiven;

    private GraphLinker(RefResolver resolver) {
        this.resolver = resolver;
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
        return new GraphLinker(RefResolver.of(nodes, rootPackage)).run(nodes);
    }

    private Result run(List<Node> nodes) {
        List<Node> enabled = new ArrayList<>();
        List<Node> disabled = new ArrayList<>();
        for (Node node : nodes) {
            if (node.config().enabled()) {
                enabled.add(node);
                enabledIds.add(node.uniqueId());
            } else {
                disabled.add(node);
                disabledIds.add(node.uniqueId());
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

    private void checkDuplicates(List<Node> enabled) {
        Map<String, Node> byKey = new HashMap<>();
        for (Node node : enabled) {
            String key;
            if (RefResolver.isRefable(node.resourceType())) {
                String version = ModelVersions.versionOf(node);
                key = "\u0000" + node.packageName() + "\u0000" + node.name() + "\u0000" + (version == null ? "" : version);
            } else {
                key = node.uniqueId();
            }
            Node first = byKey.putIfAbsent(key, node);
            if (first != null) {
                String what = RefResolver.isRefable(node.resourceType()) ? "resources named '" + node.name() + "' in package '"
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
            RefResolver.Resolution target = resolver.ref(node.packageName(), ref.packageName(), ref.name(), ref.version());
            disable |= record(node, target, dependsOn, refText(ref), ref.line(),
                    () -> resolver.missingRefHint(ref), () -> RefResolver.ambiguityHint(ref.name(), target));
        }
        for (SourceCall call : node.sources()) {
            RefResolver.Resolution target = resolver.source(node.packageName(), call.sourceName(), call.tableName());
            String text = "source '" + RefResolver.sourceKey(call.sourceName(), call.tableName()) + "'";
            disable |= record(node, target, dependsOn, text, call.line(),
                    () -> resolver.missingSourceHint(call), () -> "declare the source in only one package");
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
    private boolean record(Node node, RefResolver.Resolution target, Set<String> dependsOn, String targetText, int line,
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
                errors.add(new Diagnostic(ErrorKind.GRAPH, position(node, line),
                        describe(node) + " refers to " + targetText + ", which several packages define: "
                                + target.candidateIds(),
                        ambiguityHint.get()));
            }
        }
        return false;
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
