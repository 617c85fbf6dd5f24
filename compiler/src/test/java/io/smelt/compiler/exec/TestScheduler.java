package io.smelt.compiler.exec;

import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.TestingNodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class TestScheduler {
    private final Node a = TestingNodes.model("a").build();
    private final Node b = TestingNodes.model("b").build();
    private final Node c = TestingNodes.model("c").build();
    private final Node d = TestingNodes.model("d").build();

    @Test
    void nodesWaitingForEachOtherWithNothingRunningAreAnInternalErrorNamingThem() {
        TestingScheduler scheduler = new TestingScheduler();
        Map<String, Set<String>> waits = Map.of(a.uniqueId(), Set.of(b.uniqueId()), b.uniqueId(), Set.of(a.uniqueId()),
                c.uniqueId(), Set.of(d.uniqueId()));

        assertThatThrownBy(() -> scheduler.run(List.of(a, b, c, d), waits, 2, false, node -> NodeStatus.SUCCESS))
                .isInstanceOfSatisfying(SmeltException.class, e -> assertThat(e.first().kind()).isEqualTo(ErrorKind.INTERNAL))
                .hasMessageContaining("2 nodes left that wait for one another, with nothing running")
                .hasMessageContaining("model.shop.a waits for model.shop.b")
                .hasMessageContaining("model.shop.b waits for model.shop.a");
        assertThat(scheduler.finished(d.uniqueId())).as("what could run, ran").isNotNull();
        assertThat(scheduler.finished(c.uniqueId())).isNotNull();
    }

    @Test
    void aSkippedNodeNamesTheFailureBehindIt() {
        Map<String, Set<String>> waits = Map.of(b.uniqueId(), Set.of(a.uniqueId()), c.uniqueId(), Set.of(b.uniqueId()));

        Map<String, NodeResult> results = byName(new TestingScheduler().run(List.of(a, b, c, d), waits, 2, false,
                node -> node == a ? NodeStatus.ERROR : NodeStatus.SUCCESS));

        assertThat(results.get("b").status()).isEqualTo(NodeStatus.SKIPPED);
        assertThat(results.get("b").message()).isEqualTo("skipped because model.shop.a failed");
        assertThat(results.get("c").message()).isEqualTo("skipped because model.shop.a failed");
        assertThat(results.get("d").status()).isEqualTo(NodeStatus.SUCCESS);
    }

    @Test
    void aNodeThatThrowsFailsInsteadOfLeavingTheRunWaitingForIt() {
        Map<String, Set<String>> waits = Map.of(b.uniqueId(), Set.of(a.uniqueId()));
        Function<Node, NodeStatus> outcome = node -> {
            if (node == a) {
                throw new StackOverflowError();
            }
            return NodeStatus.SUCCESS;
        };

        Map<String, NodeResult> results = byName(new TestingScheduler().run(List.of(a, b, c), waits, 1, false, outcome));

        assertThat(results.get("a").status()).isEqualTo(NodeStatus.ERROR);
        assertThat(results.get("a").message()).contains("StackOverflowError");
        assertThat(results.get("b").status()).isEqualTo(NodeStatus.SKIPPED);
        assertThat(results.get("c").status()).isEqualTo(NodeStatus.SUCCESS);
    }

    @Test
    void aSessionThatCannotOpenFailsItsNodeInsteadOfLeavingTheRunWaiting() {
        Scheduler scheduler = new Scheduler(() -> {
            throw new IllegalStateException("connection refused");
        }, 2, RunListener.NONE);

        List<NodeResult> results = scheduler.run(List.of(a, b), Map.of(b.uniqueId(), Set.of(a.uniqueId())), false,
                (node, session, index) -> null, 2);

        assertThat(byName(results).get("a").message()).isEqualTo("connection refused");
        assertThat(byName(results).get("b").status()).isEqualTo(NodeStatus.SKIPPED);
    }

    @Test
    void aListenerThatThrowsEndsTheRunWithItsExceptionInsteadOfAHang() {
        RunListener throwing = new RunListener() {
            @Override
            public void nodeFinished(NodeResult result) {
                throw new IllegalStateException("output closed");
            }
        };
        Scheduler scheduler = new Scheduler(TestingScheduler::noSession, 2, throwing);

        assertThatThrownBy(() -> scheduler.run(List.of(a, b), Map.of(b.uniqueId(), Set.of(a.uniqueId())), false,
                (node, session, index) -> new NodeResult(node, index, 2, NodeStatus.SUCCESS, "", 0, null, null, null, null,
                        null, Map.of()), 2))
                .hasMessage("output closed");
    }

    @Test
    void failFastSaysWhichFailureStoppedTheRun() {
        Map<String, Set<String>> waits = Map.of(b.uniqueId(), Set.of(a.uniqueId()), c.uniqueId(), Set.of(a.uniqueId()));

        Map<String, NodeResult> results = byName(new TestingScheduler().run(List.of(a, d, b, c), waits, 1, true,
                node -> node == d ? NodeStatus.FAIL : NodeStatus.SUCCESS));

        assertThat(results.get("d").status()).isEqualTo(NodeStatus.FAIL);
        assertThat(results.get("b").message()).isEqualTo("skipped because --fail-fast stopped the run after model.shop.d failed");
    }

    static Map<String, NodeResult> byName(List<NodeResult> results) {
        return results.stream().collect(Collectors.toMap(r -> r.node().name(), r -> r));
    }
}
