package io.smelt.compiler.exec;

import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.graph.DependencyGraph;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.graph.TestingNodes;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code build} over random DAGs of seeds, sources, models, unit tests and data tests with one to
 * three parents, some failing, some nodes left out of the selection: the run always ends, every
 * node ran or was skipped because a failure upstream of it, and the order follows dbt's rule for
 * tests, checked against a direct reading of it (a non-test node waits for a data test when it
 * descends from every parent of the test).
 */
class TestBuildProperty {
    @Property(tries = 60)
    void everyNodeRunsOrIsSkippedForAFailureUpstream(@ForAll @IntRange(min = 1, max = 2_000) int size, @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 4) int threads) {
        check(size, seed, threads);
    }

    @Example
    void aTwoThousandNodeProject() {
        check(2_000, 13, 4);
    }

    private static void check(int size, long seed, int threads) {
        RandomProject project = new RandomProject(size, new Random(seed));
        DependencyGraph graph = DependencyGraph.of(project.nodes);
        List<Node> run = graph.sortedNodes(project.selected);
        Map<String, Set<String>> waits = BuildOrder.waitsFor(graph, run, Command.BUILD);
        TestingScheduler scheduler = new TestingScheduler();

        List<NodeResult> results = scheduler.run(run, waits, threads, false,
                node -> project.failing.contains(node.uniqueId()) ? failure(node) : success(node));

        Map<String, NodeResult> byId = new HashMap<>();
        for (NodeResult result : results) {
            assertThat(byId.put(result.node().uniqueId(), result)).as("reported once: " + result.node().uniqueId()).isNull();
        }
        assertThat(byId.keySet()).containsExactlyInAnyOrderElementsOf(project.selected);
        Set<String> failed = new HashSet<>();
        for (Node node : inWaitOrder(run, waits)) {
            String id = node.uniqueId();
            NodeResult result = byId.get(id);
            String cause = waits.get(id).stream().filter(failed::contains).findFirst().orElse(null);
            if (cause == null) {
                assertThat(result.status()).as(id).isEqualTo(project.failing.contains(id) ? failure(node) : success(node));
                assertThat(scheduler.started(id)).as(id + " started after what it waits for finished")
                        .isGreaterThan(waits.get(id).stream().mapToInt(scheduler::finished).max().orElse(0));
                if (project.failing.contains(id)) {
                    failed.add(id);
                }
            }
            else {
                assertThat(result.status()).as(id + " waits for a failure").isEqualTo(NodeStatus.SKIPPED);
                assertThat(result.message()).matches("skipped because \\S+ failed");
                NodeResult named = byId.get(result.message().split(" ")[2]);
                assertThat(named.status().isFailure()).as(id + ": the failure named ran and failed").isTrue();
                failed.add(id);
            }
        }
        checkDbtTestRule(graph, run, byId, scheduler);
    }

    /** The nodes, each after every node it waits for (a model waits for its unit tests, which come after it in the graph). */
    private static List<Node> inWaitOrder(List<Node> run, Map<String, Set<String>> waits) {
        List<Node> order = new ArrayList<>();
        Set<String> placed = new HashSet<>();
        List<Node> left = run;
        while (!left.isEmpty()) {
            List<Node> later = new ArrayList<>();
            for (Node node : left) {
                if (placed.containsAll(waits.get(node.uniqueId()))) {
                    order.add(node);
                    placed.add(node.uniqueId());
                }
                else {
                    later.add(node);
                }
            }
            assertThat(later).as("the waits have no cycle").hasSizeLessThan(left.size());
            left = later;
        }
        return order;
    }

    /** Every non-test node that descends from all parents of a data test starts after it, or is skipped when it failed. */
    private static void checkDbtTestRule(DependencyGraph graph, List<Node> run, Map<String, NodeResult> byId,
            TestingScheduler scheduler) {
        Map<String, Integer> index = new HashMap<>();
        List<String> all = graph.topologicalOrder();
        for (int i = 0; i < all.size(); i++) {
            index.put(all.get(i), i);
        }
        BitSet[] ancestors = new BitSet[all.size()];
        for (int i = 0; i < all.size(); i++) {
            ancestors[i] = new BitSet();
            for (String parent : graph.parents(all.get(i))) {
                int p = index.get(parent);
                ancestors[i].set(p);
                ancestors[i].or(ancestors[p]);
            }
        }
        for (Node test : run) {
            List<String> deps = graph.parents(test.uniqueId());
            if (test.resourceType() != ResourceType.TEST || deps.isEmpty()) {
                continue;
            }
            NodeResult tested = byId.get(test.uniqueId());
            for (Node node : run) {
                ResourceType type = node.resourceType();
                BitSet upstream = ancestors[index.get(node.uniqueId())];
                if (type == ResourceType.TEST || type == ResourceType.UNIT_TEST
                        || !deps.stream().allMatch(dep -> upstream.get(index.get(dep)))) {
                    continue;
                }
                NodeResult held = byId.get(node.uniqueId());
                if (tested.status().isFailure() || tested.status() == NodeStatus.SKIPPED) {
                    assertThat(held.status()).as(node.uniqueId() + " after " + test.uniqueId()).isEqualTo(NodeStatus.SKIPPED);
                }
                else if (held.status() != NodeStatus.SKIPPED) {
                    assertThat(scheduler.started(node.uniqueId())).as(node.uniqueId() + " after " + test.uniqueId())
                            .isGreaterThan(scheduler.finished(test.uniqueId()));
                }
            }
        }
    }

    private static NodeStatus success(Node node) {
        return node.resourceType() == ResourceType.TEST || node.resourceType() == ResourceType.UNIT_TEST
                ? NodeStatus.PASS : NodeStatus.SUCCESS;
    }

    private static NodeStatus failure(Node node) {
        return node.resourceType() == ResourceType.TEST || node.resourceType() == ResourceType.UNIT_TEST
                ? NodeStatus.FAIL : NodeStatus.ERROR;
    }

    /** A project of {@code size} nodes, each depending only on nodes made before it. */
    private static final class RandomProject {
        final List<Node> nodes = new ArrayList<>();
        final List<String> selected = new ArrayList<>();
        final Set<String> failing = new HashSet<>();
        /** Nodes other nodes may depend on: seeds, sources, models. */
        private final List<String> relations = new ArrayList<>();
        private final Random random;

        RandomProject(int size, Random random) {
            this.random = random;
            boolean partial = random.nextInt(3) == 0;
            for (int i = 0; i < size; i++) {
                Node node = next(i);
                nodes.add(node);
                if (node.resourceType() != ResourceType.SOURCE && !(partial && random.nextInt(8) == 0)) {
                    selected.add(node.uniqueId());
                }
                if (node.resourceType() != ResourceType.SOURCE && random.nextInt(node.resourceType() == ResourceType.TEST ? 8 : 40) == 0) {
                    failing.add(node.uniqueId());
                }
            }
        }

        private Node next(int i) {
            int roll = random.nextInt(100);
            if (relations.isEmpty() || roll < 5) {
                Node node = random.nextBoolean() ? TestingNodes.seed("seed_" + i).build() : TestingNodes.source("raw", "src_" + i).build();
                relations.add(node.uniqueId());
                return node;
            }
            if (roll < 55) {
                Node model = TestingNodes.model("m_" + i).dependsOn(parents(1 + random.nextInt(3))).build();
                relations.add(model.uniqueId());
                return model;
            }
            if (roll < 60) {
                String model = relations.get(relations.size() - 1 - random.nextInt(Math.min(relations.size(), 20)));
                if (model.startsWith("model.")) {
                    return TestingNodes.unitTest("u_" + i, model).build();
                }
            }
            if (roll < 80) {
                String[] parents = parents(random.nextInt(4) == 0 ? 2 : 1);
                return TestingNodes.genericTest("g_" + i, parents.length == 2 ? "relationships" : "not_null", "id", parents[0])
                        .dependsOn(parents).build();
            }
            return TestingNodes.singularTest("t_" + i).dependsOn(parents(1 + random.nextInt(3))).build();
        }

        /** Up to {@code count} distinct parents, mostly recent ones so that chains grow deep. */
        private String[] parents(int count) {
            Set<String> picked = new java.util.LinkedHashSet<>();
            for (int k = 0; k < count; k++) {
                int window = random.nextInt(4) == 0 ? relations.size() : Math.min(relations.size(), 30);
                picked.add(relations.get(relations.size() - 1 - random.nextInt(window)));
            }
            return picked.toArray(String[]::new);
        }
    }
}
