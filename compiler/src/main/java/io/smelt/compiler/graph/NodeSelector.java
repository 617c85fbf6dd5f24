package io.smelt.compiler.graph;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.IndirectTests.Picked;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;

import static java.util.Objects.requireNonNull;

/**
 * Turns {@code --select}/{@code --exclude} expressions into unique ids, as dbt's node selection does.
 *
 * <p>Within one expression, space separates a union and comma an intersection; {@code --exclude} is
 * subtracted from {@code --select}; an empty select means every node. Each atom is
 * {@code [@][n+]method:value[+n]} (see {@link SelectionCriterion}). Each atom's result also takes the
 * tests that depend on its nodes, as {@link Selection#indirectSelection()} says ({@link IndirectTests}),
 * for {@code --exclude} too; a union or intersection looks again at the tests a part left out.
 * {@link Selection#resourceTypes()} filters last.
 */
public final class NodeSelector {
    /**
     * @param uniqueIds the selected nodes in topological order
     * @param warnings what the caller should print: atoms that matched nothing, "Nothing to do"
     * @param defaultSelector the selectors.yml default that applied for want of a selection, or null
     */
    public record Result(Set<String> uniqueIds, List<String> warnings, String defaultSelector) {
        public Result {
            uniqueIds = Collections.unmodifiableSet(new LinkedHashSet<>(uniqueIds));
            warnings = List.copyOf(warnings);
        }

        /** dbt's info line when the default selector applies, or null. */
        public String note() {
            return defaultSelector == null ? null : "Using default selector " + defaultSelector;
        }

        public boolean isEmpty() {
            return uniqueIds.isEmpty();
        }
    }

    static final String NOTHING_TO_DO = "Nothing to do. Try checking your model configs and model specification args";

    private final DependencyGraph graph;
    private final SelectorMethods methods;
    private final IndirectTests tests;
    private SelectorDefinition.Selectors selectors = SelectorDefinition.Selectors.NONE;
    private final List<Node> exposures;

    public NodeSelector(DependencyGraph graph, String rootPackage) {
        this(graph, rootPackage, Map.of());
    }

    /**
     * @param packageDirs folder of each installed package relative to the project root (such as
     *     {@code dbt_packages/dbt_utils}), so {@code path:} finds their files; the root package's
     *     files are relative to the project root already. A package not listed is matched by its
     *     own relative paths, as dbt does.
     */
    public NodeSelector(DependencyGraph graph, String rootPackage, Map<String, Path> packageDirs) {
        this(graph, rootPackage, packageDirs, List.of());
    }

    /** @param exposures the project's exposures, which {@code exposure:name} selects (they run nothing, their parents may) */
    public NodeSelector(DependencyGraph graph, String rootPackage, Map<String, Path> packageDirs, Collection<Node> exposures) {
        this.exposures = List.copyOf(exposures);
        this.graph = requireNonNull(graph, "graph is null");
        this.tests = new IndirectTests(graph);
        Map<String, Path> dirs = new HashMap<>(packageDirs);
        dirs.put(requireNonNull(rootPackage, "rootPackage is null"), Path.of(""));
        this.methods = new SelectorMethods(graph, rootPackage, Map.copyOf(dirs));
    }

    /** The project's selectors.yml, which {@code --selector} names and whose default applies without a selection. */
    public NodeSelector withSelectors(SelectorDefinition.Selectors selectors) {
        this.selectors = requireNonNull(selectors, "selectors is null");
        return this;
    }

    /** Adds a method that needs more than the graph, such as {@code state:}; see {@link SelectorMethod}. */
    public NodeSelector withMethod(String name, SelectorMethod method) {
        methods.register(requireNonNull(name, "name is null"), requireNonNull(method, "method is null"));
        return this;
    }

    /**
     * @throws io.smelt.compiler.diag.SmeltException of kind SELECTOR when an expression is malformed
     */
    public Result select(Selection selection) {
        List<String> warnings = new ArrayList<>();
        IndirectSelection mode = selection.indirectSelection();
        BitSet selected;
        boolean noArgs = tokens(selection.select()).isEmpty() && tokens(selection.exclude()).isEmpty();
        String named = selection.selector() != null ? selection.selector() : noArgs ? selectors.defaultName() : null;
        if (selection.selector() != null && !noArgs) {
            throw new SmeltException(ErrorKind.SELECTOR, null, "--selector cannot be combined with --select or --exclude",
                    "put the whole selection in the selector, or leave out --selector (dbt would ignore --select and --exclude)");
        }
        if (named != null) {
            selected = definition(named, mode, warnings);
        } else if (selection.select().isEmpty() || tokens(selection.select()).isEmpty()) {
            selected = new BitSet(graph.size());
            selected.set(0, graph.size());
        } else {
            selected = union(selection.select(), mode, warnings).direct();
        }
        if (!selection.exclude().isEmpty()) {
            // dbt subtracts what the exclusion selected directly: under eager, every test touching an excluded node
            selected.andNot(union(selection.exclude(), mode, warnings).direct());
        }
        if (!selection.resourceTypes().isEmpty()) {
            for (int i = selected.nextSetBit(0); i >= 0; i = selected.nextSetBit(i + 1)) {
                if (!selection.resourceTypes().contains(graph.nodeAt(i).resourceType())) {
                    selected.clear(i);
                }
            }
        }
        warnings.addAll(methods.takeWarnings());
        if (selected.isEmpty()) {
            warnings.add(NOTHING_TO_DO);
        }
        return new Result(graph.toIds(selected), warnings, selection.selector() == null ? named : null);
    }

    /** The selected nodes themselves, in topological order. */
    public List<Node> selectNodes(Selection selection) {
        return graph.sortedNodes(select(selection).uniqueIds());
    }

    private BitSet definition(String name, IndirectSelection mode, List<String> warnings) {
        SelectorDefinition definition = selectors.byName().get(name);
        if (definition == null) {
            throw new SmeltException(ErrorKind.SELECTOR, selectors.file(), selectors.file() == null
                    ? "--selector " + name + ": the project has no selectors.yml"
                    : "--selector " + name + ": selectors.yml has no selector '" + name + "'"
                            + (selectors.byName().isEmpty() ? "" : "; its selectors are: " + String.join(", ", selectors.byName().keySet())),
                    NameSuggestions.hint(name, selectors.byName().keySet()));
        }
        return evaluate(definition, mode, warnings).direct();
    }

    /** A selectors.yml definition; {@code mode} applies where the definition sets no indirect_selection. */
    private Picked evaluate(SelectorDefinition definition, IndirectSelection mode, List<String> warnings) {
        if (definition instanceof SelectorDefinition.Expression e) {
            return union(List.of(e.text()), e.indirectSelection() == null ? mode : e.indirectSelection(), warnings);
        }
        if (definition instanceof SelectorDefinition.Difference d) {
            Picked include = evaluate(d.include(), mode, warnings);
            Picked exclude = evaluate(d.exclude(), mode, warnings);
            include.direct().andNot(exclude.direct());
            include.all().andNot(exclude.all());
            return include;
        }
        boolean isUnion = definition instanceof SelectorDefinition.Union;
        List<SelectorDefinition> parts = isUnion ? ((SelectorDefinition.Union) definition).parts()
                : ((SelectorDefinition.Intersection) definition).parts();
        List<Picked> picked = new ArrayList<>();
        for (SelectorDefinition part : parts) {
            picked.add(evaluate(part, mode, warnings));
        }
        return combine(picked, isUnion, mode);
    }

    private Picked combine(List<Picked> parts, boolean isUnion, IndirectSelection mode) {
        BitSet direct = null;
        BitSet all = null;
        for (Picked part : parts) {
            if (direct == null) {
                direct = part.direct();
                all = part.all();
            } else if (isUnion) {
                direct.or(part.direct());
                all.or(part.all());
            } else {
                direct.and(part.direct());
                all.and(part.all());
            }
        }
        if (direct == null) {
            return new Picked(new BitSet(graph.size()), new BitSet(graph.size()));
        }
        return new Picked(tests.incorporate(direct, all, mode), all);
    }

    private static List<String> tokens(List<String> expressions) {
        List<String> tokens = new ArrayList<>();
        for (String expression : expressions) {
            for (String token : expression.trim().split("\\s+")) {
                if (!token.isEmpty()) {
                    tokens.add(token);
                }
            }
        }
        return tokens;
    }

    private Picked union(List<String> expressions, IndirectSelection mode, List<String> warnings) {
        // Parse everything first so that a malformed atom fails before any work is done
        List<List<SelectionCriterion>> intersections = new ArrayList<>();
        for (String token : tokens(expressions)) {
            List<SelectionCriterion> atoms = new ArrayList<>();
            for (String atom : token.split(",", -1)) {
                atoms.add(SelectionCriterion.parse(atom));
            }
            intersections.add(atoms);
        }
        List<Picked> union = new ArrayList<>();
        for (List<SelectionCriterion> atoms : intersections) {
            List<Picked> intersection = new ArrayList<>();
            for (SelectionCriterion atom : atoms) {
                intersection.add(evaluate(atom, mode, warnings));
            }
            union.add(combine(intersection, false, mode));
        }
        return combine(union, true, mode);
    }

    private Picked evaluate(SelectionCriterion criterion, IndirectSelection mode, List<String> warnings) {
        if (criterion.method().equals("exposure")) {
            return tests.expand(exposure(criterion, warnings), mode);
        }
        IntPredicate predicate = methods.predicate(criterion);
        BitSet matched = new BitSet(graph.size());
        for (int i = 0; i < graph.size(); i++) {
            if (predicate.test(i)) {
                matched.set(i);
            }
        }
        if (matched.isEmpty()) {
            warnings.add("The selection criterion '" + criterion.raw() + "' does not match any enabled nodes");
            return new Picked(matched, (BitSet) matched.clone());
        }
        BitSet result;
        if (criterion.childrensParents()) {
            result = graph.withAncestors(graph.withDescendants(matched, DependencyGraph.UNLIMITED), DependencyGraph.UNLIMITED);
        } else {
            result = (BitSet) matched.clone();
            if (criterion.parentsDepth() > 0) {
                result.or(graph.withAncestors(matched, criterion.parentsDepth()));
            }
            if (criterion.childrenDepth() > 0) {
                result.or(graph.withDescendants(matched, criterion.childrenDepth()));
            }
        }
        return tests.expand(result, mode);
    }

    /**
     * {@code exposure:name} (a wildcard pattern too): the exposure itself runs nothing, so it adds only what
     * {@code +} (or {@code @}) takes from its parents: the nodes of its {@code depends_on}, then their ancestors.
     */
    private BitSet exposure(SelectionCriterion criterion, List<String> warnings) {
        BitSet parents = new BitSet(graph.size());
        boolean any = false;
        for (Node exposure : exposures) {
            if (Wildcard.matches(exposure.name(), criterion.value())) {
                any = true;
                exposure.dependsOn().stream().filter(graph::contains).forEach(id -> parents.set(graph.indexOf(id)));
            }
        }
        if (!any) {
            warnings.add("The selection criterion '" + criterion.raw() + "' does not match any enabled nodes");
        }
        BitSet result = new BitSet(graph.size());
        int depth = criterion.childrensParents() ? DependencyGraph.UNLIMITED : criterion.parentsDepth();
        if (depth > 0 && !parents.isEmpty()) {
            result.or(graph.withAncestors(parents, depth == DependencyGraph.UNLIMITED ? depth : depth - 1));
        }
        return result;
    }
}
