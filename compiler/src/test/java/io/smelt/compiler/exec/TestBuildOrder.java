package io.smelt.compiler.exec;

import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.graph.DependencyGraph;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.TestingNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which nodes wait for which in {@code build}: dbt's rule for data tests ({@code add_test_edges}). */
@Timeout(60)
class TestBuildOrder {
    /** Issue 13's repro: two two-parent tests whose parents cross; the old rule closed a cycle and build waited forever. */
    private final List<Node> crossed = List.of(
            TestingNodes.model("a").build(),
            TestingNodes.model("b").build(),
            TestingNodes.model("c").dependsOn("model.shop.a").build(),
            TestingNodes.model("x").dependsOn("model.shop.b").build(),
            TestingNodes.model("y").dependsOn("model.shop.c").build(),
            TestingNodes.singularTest("t1").dependsOn("model.shop.a", "model.shop.x").build(),
            TestingNodes.singularTest("t2").dependsOn("model.shop.b", "model.shop.y").build());

    @Test
    void aTestHoldsBackOnlyNodesBuiltFromAllOfItsParents() {
        Map<String, Set<String>> waits = waits(crossed, Command.BUILD);

        assertThat(waits.get("model.shop.c")).containsExactly("model.shop.a");
        assertThat(waits.get("model.shop.x")).containsExactly("model.shop.b");
        assertThat(waits.get("model.shop.y")).containsExactly("model.shop.c");

        List<NodeResult> results = new TestingScheduler().run(crossed, waits, 2, false, node -> NodeStatus.SUCCESS);
        assertThat(results).extracting(r -> r.node().name()).containsExactlyInAnyOrder("a", "b", "c", "x", "y", "t1", "t2");
    }

    @Test
    void aNodeDownstreamOfEveryParentWaitsForTheTestOnceThroughItsNearestSuchAncestor() {
        List<Node> nodes = new ArrayList<>(crossed);
        nodes.add(TestingNodes.genericTest("not_null_a_id", "not_null", "id", "model.shop.a").dependsOn("model.shop.a").build());
        nodes.add(TestingNodes.model("z").dependsOn("model.shop.y", "model.shop.x").build());
        nodes.add(TestingNodes.model("after_z").dependsOn("model.shop.z").build());

        Map<String, Set<String>> waits = waits(nodes, Command.BUILD);

        assertThat(waits.get("model.shop.c")).containsExactlyInAnyOrder("model.shop.a", "test.shop.not_null_a_id");
        assertThat(waits.get("model.shop.y")).as("c already waits for the test").containsExactly("model.shop.c");
        assertThat(waits.get("model.shop.z")).containsExactlyInAnyOrder("model.shop.y", "model.shop.x", "test.shop.t1",
                "test.shop.t2");
        assertThat(waits.get("model.shop.after_z")).containsExactly("model.shop.z");
        assertThat(waits(nodes, Command.RUN).get("model.shop.c")).as("only build runs tests between models")
                .containsExactly("model.shop.a");
    }

    @Test
    void aNodeWaitsForTheTestWhenTheModelsBetweenThemAreNotSelected() {
        List<Node> all = new ArrayList<>(crossed);
        all.add(TestingNodes.genericTest("not_null_a_id", "not_null", "id", "model.shop.a").dependsOn("model.shop.a").build());
        DependencyGraph graph = DependencyGraph.of(all);
        List<Node> run = graph.sortedNodes(List.of("model.shop.a", "test.shop.not_null_a_id", "model.shop.y"));

        Map<String, Set<String>> waits = BuildOrder.waitsFor(graph, run, Command.BUILD);

        assertThat(waits.get("model.shop.y")).containsExactlyInAnyOrder("model.shop.a", "test.shop.not_null_a_id");
    }

    private static Map<String, Set<String>> waits(List<Node> nodes, Command command) {
        DependencyGraph graph = DependencyGraph.of(nodes);
        return BuildOrder.waitsFor(graph, graph.sortedNodes(graph.topologicalOrder()), command);
    }
}
