package io.smelt.compiler.graph;

import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A 10,000-node project: linking, sorting and selecting stay correct (and, as printed, fast). */
class TestLargeGraph {
    @Test
    void linksSortsAndSelectsTenThousandNodes() {
        List<Node> project = TestingLargeProject.nodes();
        assertThat(project).hasSize(10_000);

        // The first round runs on a cold JVM; later rounds show the steady state
        List<Node> linked = null;
        DependencyGraph graph = null;
        Set<String> upstream = null;
        Set<String> downstream = null;
        Set<String> tagged = null;
        // Wall time suffers when the machine is busy; the thread's CPU time shows the work itself
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int round = 1; round <= 5; round++) {
            long cpu0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            linked = GraphLinker.link(project, "shop");
            long t1 = System.nanoTime();
            graph = DependencyGraph.of(linked);
            long t2 = System.nanoTime();
            NodeSelector selector = new NodeSelector(graph, "shop");
            upstream = selector.select(new Selection(List.of("+m_8999"), List.of(), Set.of())).uniqueIds();
            downstream = selector.select(new Selection(List.of("m_100+"), List.of(), Set.of())).uniqueIds();
            tagged = selector.select(new Selection(List.of("tag:t3,path:models/layer_2"), List.of("m_2003+"), Set.of()))
                    .uniqueIds();
            long t3 = System.nanoTime();
            long cpu = threads.getCurrentThreadCpuTime() - cpu0;
            System.out.printf("10,000 nodes, round %d: link %.1f ms, graph+sort %.1f ms, 3 selections %.1f ms;"
                    + " total %.1f ms wall, %.1f ms CPU%n", round, (t1 - t0) / 1e6, (t2 - t1) / 1e6, (t3 - t2) / 1e6,
                    (t3 - t0) / 1e6, cpu / 1e6);
        }

        // dependsOn: every ref and source resolved, in order
        Map<String, Node> byId = new HashMap<>();
        linked.forEach(n -> byId.put(n.uniqueId(), n));
        for (Node original : project) {
            Set<String> expected = new LinkedHashSet<>();
            original.refs().forEach(r -> expected.add((r.name().startsWith("seed_") ? "seed.shop." : "model.shop.") + r.name()));
            original.sources().forEach(s -> expected.add("source.shop." + s.sourceName() + "." + s.tableName()));
            if (original.testMetadata() != null) {
                expected.add(original.testMetadata().attachedNode());
            }
            assertThat(byId.get(original.uniqueId()).dependsOn()).containsExactlyElementsOf(expected);
        }

        // topological order: each node after all its parents
        List<String> order = graph.topologicalOrder();
        assertThat(order).hasSize(10_000).doesNotHaveDuplicates();
        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < order.size(); i++) {
            position.put(order.get(i), i);
        }
        for (Node node : linked) {
            for (String parent : node.dependsOn()) {
                assertThat(position.get(parent)).isLessThan(position.get(node.uniqueId()));
            }
        }

        // selections agree with a naive walk over dependsOn
        Map<String, List<String>> children = new HashMap<>();
        linked.forEach(n -> n.dependsOn().forEach(p -> children.computeIfAbsent(p, k -> new ArrayList<>()).add(n.uniqueId())));
        Map<String, List<String>> parents = new HashMap<>();
        linked.forEach(n -> parents.put(n.uniqueId(), n.dependsOn()));
        assertThat(upstream).isEqualTo(withTests(walk("model.shop.m_8999", parents), children, byId));
        assertThat(downstream).isEqualTo(withTests(walk("model.shop.m_100", children), children, byId));
        assertThat(List.copyOf(upstream)).isEqualTo(order.stream().filter(upstream::contains).toList());

        Set<String> expectedTagged = new HashSet<>();
        for (int i = 2000; i < 3000; i++) {
            if (i % 10 == 3) {
                expectedTagged.add("model.shop.m_" + i);
            }
        }
        expectedTagged.removeAll(walk("model.shop.m_2003", children));
        assertThat(tagged).isEqualTo(expectedTagged);
    }

    private static Set<String> walk(String start, Map<String, List<String>> edges) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(start));
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (seen.add(id)) {
                todo.addAll(edges.getOrDefault(id, List.of()));
            }
        }
        return seen;
    }

    private static Set<String> withTests(Set<String> selected, Map<String, List<String>> children, Map<String, Node> byId) {
        Set<String> all = new HashSet<>(selected);
        for (String id : selected) {
            for (String child : children.getOrDefault(id, List.of())) {
                if (byId.get(child).resourceType() == ResourceType.TEST) {
                    all.add(child);
                }
            }
        }
        return all;
    }
}
