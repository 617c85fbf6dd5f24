package io.smelt.compiler.graph;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.smelt.compiler.graph.TestingNodes.model;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestDependencyGraph {
    //   a ─┬─> b ──> d ──> e
    //      └─> c ──┘
    // (arrows: data flows; b and c depend on a, d on b and c, e on d); f stands alone
    private static DependencyGraph diamond() {
        return DependencyGraph.of(List.of(
                model("e").dependsOn("model.shop.d").build(),
                model("d").dependsOn("model.shop.b", "model.shop.c").build(),
                model("c").dependsOn("model.shop.a").build(),
                model("b").dependsOn("model.shop.a", "model.shop.a").build(),
                model("a").build(),
                model("f").build()));
    }

    @Test
    void parentsAndChildren() {
        DependencyGraph graph = diamond();
        assertThat(graph.size()).isEqualTo(6);
        assertThat(graph.parents("model.shop.d")).containsExactly("model.shop.b", "model.shop.c");
        assertThat(graph.parents("model.shop.b")).containsExactly("model.shop.a");
        assertThat(graph.children("model.shop.a")).containsExactlyInAnyOrder("model.shop.b", "model.shop.c");
        assertThat(graph.children("model.shop.e")).isEmpty();
        assertThat(graph.node("model.shop.a").name()).isEqualTo("a");
        assertThat(graph.node("model.shop.zzz")).isNull();
        assertThatThrownBy(() -> graph.parents("model.shop.zzz")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void topologicalOrderPutsParentsFirstAndIsStable() {
        DependencyGraph graph = diamond();
        List<String> order = graph.topologicalOrder();
        assertThat(order).containsExactly("model.shop.a", "model.shop.f", "model.shop.c", "model.shop.b",
                "model.shop.d", "model.shop.e");
        assertThat(diamond().topologicalOrder()).isEqualTo(order);
        assertThat(graph.sort(List.of("model.shop.e", "model.shop.a", "model.shop.d")))
                .containsExactly("model.shop.a", "model.shop.d", "model.shop.e");
        assertThat(graph.sortedNodes(List.of("model.shop.d", "model.shop.b"))).extracting(Node::name)
                .containsExactly("b", "d");
    }

    @Test
    void ancestorsAndDescendantsWithDepth() {
        DependencyGraph graph = diamond();
        assertThat(graph.ancestors("model.shop.e"))
                .containsExactly("model.shop.a", "model.shop.c", "model.shop.b", "model.shop.d");
        assertThat(graph.ancestors("model.shop.e", 1)).containsExactly("model.shop.d");
        assertThat(graph.ancestors("model.shop.e", 2)).containsExactly("model.shop.c", "model.shop.b", "model.shop.d");
        assertThat(graph.ancestors("model.shop.e", 0)).isEmpty();
        assertThat(graph.descendants("model.shop.a"))
                .containsExactly("model.shop.c", "model.shop.b", "model.shop.d", "model.shop.e");
        assertThat(graph.descendants("model.shop.a", 2)).containsExactly("model.shop.c", "model.shop.b", "model.shop.d");
        assertThat(graph.descendants("model.shop.f")).isEmpty();
    }

    @Test
    void cycleShowsEveryMemberWithItsFile() {
        assertThatThrownBy(() -> DependencyGraph.of(List.of(
                model("a").dependsOn("model.shop.b").build(),
                model("b").file("models/staging/b.sql").dependsOn("model.shop.c").build(),
                model("c").dependsOn("model.shop.a").build(),
                model("downstream").dependsOn("model.shop.c").build())))
                .isInstanceOfSatisfying(SmeltException.class, e -> {
                    assertThat(e.diagnostics()).hasSize(1);
                    assertThat(e.first().kind()).isEqualTo(ErrorKind.GRAPH);
                    assertThat(e.first().at().toString()).isEqualTo("models/a.sql");
                    assertThat(e.first().message()).startsWith(
                            "found a dependency cycle: model.shop.a → model.shop.b → model.shop.c → model.shop.a");
                    assertThat(e.first().message())
                            .contains("model.shop.a  models/a.sql")
                            .contains("model.shop.b  models/staging/b.sql")
                            .contains("model.shop.c  models/c.sql")
                            .doesNotContain("downstream");
                });
    }

    @Test
    void reportsEachIndependentCycleAndSelfReference() {
        assertThatThrownBy(() -> DependencyGraph.of(List.of(
                model("a").dependsOn("model.shop.b").build(),
                model("b").dependsOn("model.shop.a").build(),
                model("ok").build(),
                model("self").dependsOn("model.shop.self", "model.shop.ok").build())))
                .isInstanceOfSatisfying(SmeltException.class, e -> assertThat(e.diagnostics())
                        .extracting(d -> d.message().lines().findFirst().orElseThrow())
                        .containsExactly("found a dependency cycle: model.shop.a → model.shop.b → model.shop.a",
                                "found a dependency cycle: model.shop.self → model.shop.self"));
    }

    @Test
    void cycleReportTakesTheShortestWayRound() {
        // a -> b -> c -> a and a -> c: the shortest cycle through a is a -> c -> a
        assertThatThrownBy(() -> DependencyGraph.of(List.of(
                model("a").dependsOn("model.shop.b", "model.shop.c").build(),
                model("b").dependsOn("model.shop.c").build(),
                model("c").dependsOn("model.shop.a").build())))
                .hasMessageContaining("found a dependency cycle: model.shop.a → model.shop.c → model.shop.a");
    }

    @Test
    void rejectsUnknownDependencyAndDuplicateIds() {
        assertThatThrownBy(() -> DependencyGraph.of(List.of(model("a").dependsOn("model.shop.ghost").build())))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("model.shop.ghost");
        assertThatThrownBy(() -> DependencyGraph.of(List.of(model("a").build(), model("a").build())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
