package io.smelt.compiler.state;

import io.smelt.compiler.graph.DependencyGraph;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.ResourceType;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Why each node of a selection is in it, for {@code ls --explain}: what changed in it, or, for a node a
 * graph operator brought in, the nearest selected node that changed and how the two are related.
 */
public final class SelectionReasons {
    private SelectionReasons() {
    }

    /**
     * @param comparison the {@code --state} comparison, or null when there is none
     * @return per selected unique id, in the selection's order, one line of explanation
     */
    public static Map<String, String> explain(DependencyGraph graph, List<Node> selected, StateComparison comparison) {
        Set<String> ids = selected.stream().map(Node::uniqueId).collect(Collectors.toSet());
        Function<String, List<ModifiedReason>> why = id -> comparison == null ? List.of() : comparison.reasons(id);
        Map<String, String> lines = new LinkedHashMap<>();
        for (Node node : selected) {
            List<ModifiedReason> own = why.apply(node.uniqueId());
            if (!own.isEmpty()) {
                lines.put(node.uniqueId(), own.get(0).kind() == ModifiedReason.Kind.NEW ? own.get(0).toString()
                        : "modified: " + own.stream().map(ModifiedReason::toString).collect(Collectors.joining("; ")));
                continue;
            }
            String upstream = nearest(node.uniqueId(), graph::parents, ids, why);
            if (upstream != null) {
                boolean test = node.resourceType() == ResourceType.TEST || node.resourceType() == ResourceType.UNIT_TEST;
                lines.put(node.uniqueId(), test ? testReason(graph.parents(node.uniqueId()), upstream, ids, why)
                        : "downstream of " + upstream + ", which is modified");
                continue;
            }
            String downstream = nearest(node.uniqueId(), graph::children, ids, why);
            lines.put(node.uniqueId(), downstream != null ? "upstream of " + downstream + ", which is modified (a leading + or @)"
                    : comparison == null ? "matches the selection" : "matches the selection; unmodified");
        }
        return lines;
    }

    /** A test names what it tests: the modified node itself, or a node downstream of one. */
    private static String testReason(Collection<String> parents, String upstream, Set<String> ids,
            Function<String, List<ModifiedReason>> why) {
        if (parents.contains(upstream)) {
            return "tests " + upstream + ", which is modified";
        }
        String tested = parents.stream().filter(ids::contains).findFirst().orElse(null);
        return tested == null ? "tests what " + upstream + " feeds, which is modified"
                : "tests " + tested + ", downstream of " + upstream + ", which is modified";
    }

    /** The closest node in {@code ids}, walking {@code next} from {@code start} through selected nodes only, that changed. */
    private static String nearest(String start, Function<String, Collection<String>> next, Set<String> ids,
            Function<String, List<ModifiedReason>> why) {
        ArrayDeque<String> queue = new ArrayDeque<>(next.apply(start));
        Set<String> seen = new HashSet<>(queue);
        while (!queue.isEmpty()) {
            String id = queue.poll();
            if (!ids.contains(id)) {
                continue;
            }
            if (!why.apply(id).isEmpty()) {
                return id;
            }
            for (String further : next.apply(id)) {
                if (seen.add(further)) {
                    queue.add(further);
                }
            }
        }
        return null;
    }
}
