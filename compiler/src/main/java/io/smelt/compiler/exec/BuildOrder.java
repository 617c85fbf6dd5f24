package io.smelt.compiler.exec;

import io.smelt.compiler.result.Command;
import io.smelt.compiler.graph.DependencyGraph;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.ResourceType;

import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each node of a run waits for. A node waits for its nearest ancestors in the run. In
 * {@code build}, a model waits for its unit tests, and a node waits for a data test when it descends
 * from every node the test depends on, as dbt's {@code add_test_edges} decides: such an edge can
 * never close a cycle. So a test on {@code a} and {@code x} holds back what is built from both, not
 * what is built from {@code a} alone.
 */
public final class BuildOrder {
    private final DependencyGraph graph;
    private final Set<String> run = new HashSet<>();
    private final Map<String, Set<String>> nearest = new HashMap<>();

    private BuildOrder(DependencyGraph graph, List<Node> nodes) {
        this.graph = graph;
        nodes.forEach(n -> run.add(n.uniqueId()));
    }

    /** For each node of {@code nodes} (which are in the graph), the nodes of {@code nodes} it waits for. */
    static Map<String, Set<String>> waitsFor(DependencyGraph graph, List<Node> nodes, Command command) {
        return new BuildOrder(graph, nodes).compute(nodes, command);
    }

    private Map<String, Set<String>> compute(List<Node> nodes, Command command) {
        Map<String, Set<String>> waits = new HashMap<>();
        if (command == Command.CLONE) {
            // a clone reads the comparison run's relations, never another node's of this run
            nodes.forEach(node -> waits.put(node.uniqueId(), new LinkedHashSet<>()));
            return waits;
        }
        for (Node node : nodes) {
            Set<String> parents = new LinkedHashSet<>();
            // a unit test reads its model's parents (for their column types), not the model it runs before
            List<String> graphParents = node.resourceType() == ResourceType.UNIT_TEST
                    ? node.dependsOn().stream().flatMap(model -> graph.parents(model).stream()).toList()
                    : List.copyOf(graph.parents(node.uniqueId()));
            for (String parent : graphParents) {
                parents.addAll(nearestInRun(parent));
            }
            waits.put(node.uniqueId(), parents);
        }
        if (command != Command.BUILD) {
            return waits;
        }
        for (Node node : nodes) {
            if (node.resourceType() == ResourceType.UNIT_TEST) {
                // a model is built only once its unit tests pass
                node.dependsOn().stream().filter(run::contains).forEach(model -> waits.get(model).add(node.uniqueId()));
            }
            else if (node.resourceType() == ResourceType.TEST) {
                for (String held : heldBack(node)) {
                    waits.get(held).add(node.uniqueId());
                }
            }
        }
        return waits;
    }

    /**
     * The nodes of the run that descend from every parent of {@code test}, leaving out those that
     * already wait for one of them through a parent in the run.
     */
    private Set<String> heldBack(Node test) {
        List<String> deps = graph.parents(test.uniqueId());
        if (deps.isEmpty()) {
            return Set.of();
        }
        Set<String> common = new HashSet<>(graph.descendants(deps.get(0)));
        for (int i = 1; i < deps.size() && !common.isEmpty(); i++) {
            common.retainAll(graph.descendants(deps.get(i)));
        }
        common.removeIf(id -> !run.contains(id) || !waitsForTests(graph.node(id)));
        Set<String> held = new LinkedHashSet<>();
        for (String id : common) {
            if (graph.parents(id).stream().noneMatch(common::contains)) {
                held.add(id);
            }
        }
        return held;
    }

    /** dbt holds back executable nodes other than tests: models, seeds, snapshots. */
    private static boolean waitsForTests(Node node) {
        return node.resourceType() != ResourceType.TEST && node.resourceType() != ResourceType.UNIT_TEST;
    }

    private Set<String> nearestInRun(String id) {
        if (run.contains(id)) {
            return Set.of(id);
        }
        Set<String> known = nearest.get(id);
        if (known != null) {
            return known;
        }
        Set<String> found = new LinkedHashSet<>();
        for (String parent : graph.parents(id)) {
            found.addAll(nearestInRun(parent));
        }
        nearest.put(id, found);
        return found;
    }
}
