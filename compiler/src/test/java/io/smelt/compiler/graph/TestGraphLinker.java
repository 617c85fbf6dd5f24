package io.smelt.compiler.graph;

import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static io.smelt.compiler.graph.TestingNodes.genericTest;
import static io.smelt.compiler.graph.TestingNodes.model;
import static io.smelt.compiler.graph.TestingNodes.seed;
import static io.smelt.compiler.graph.TestingNodes.singularTest;
import static io.smelt.compiler.graph.TestingNodes.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestGraphLinker {
    private static Map<String, Node> byId(List<Node> nodes) {
        return nodes.stream().collect(Collectors.toMap(Node::uniqueId, Function.identity()));
    }

    private static SmeltException linkFails(List<Node> nodes) {
        try {
            GraphLinker.link(nodes, "shop");
        } catch (SmeltException e) {
            assertThat(e.diagnostics()).allMatch(d -> d.kind() == ErrorKind.GRAPH);
            return e;
        }
        throw new AssertionError("expected the link to fail");
    }

    @Test
    void fillsDependsOnFromRefsSourcesAndAttachedNode() {
        List<Node> linked = GraphLinker.link(List.of(
                source("raw", "orders").build(),
                seed("countries").build(),
                model("stg_orders").source("raw", "orders", 3).ref("countries", 4).ref("countries", 9).build(),
                model("orders").ref("stg_orders").build(),
                genericTest("not_null_orders_id", "not_null", "id", "model.shop.orders").ref("orders").build(),
                singularTest("assert_positive").ref("orders").ref("stg_orders").build()), "shop");

        Map<String, Node> nodes = byId(linked);
        assertThat(linked).hasSize(6);
        assertThat(nodes.get("model.shop.stg_orders").dependsOn())
                .containsExactly("seed.shop.countries", "source.shop.raw.orders");
        assertThat(nodes.get("model.shop.orders").dependsOn()).containsExactly("model.shop.stg_orders");
        assertThat(nodes.get("test.shop.not_null_orders_id").dependsOn()).containsExactly("model.shop.orders");
        assertThat(nodes.get("test.shop.assert_positive").dependsOn())
                .containsExactly("model.shop.orders", "model.shop.stg_orders");
        assertThat(nodes.get("source.shop.raw.orders").dependsOn()).isEmpty();
    }

    @Test
    void genericTestWithoutRefsDependsOnItsAttachedNode() {
        List<Node> linked = GraphLinker.link(List.of(
                model("orders").build(),
                genericTest("unique_orders_id", "unique", "id", "model.shop.orders").build()), "shop");
        assertThat(byId(linked).get("test.shop.unique_orders_id").dependsOn()).containsExactly("model.shop.orders");
    }

    @Test
    void missingRefSuggestsClosestNames() {
        SmeltException e = linkFails(List.of(
                model("stg_orders").build(),
                model("stg_order_items").build(),
                model("customers").build(),
                model("orders").file("models/marts/orders.sql").ref("stg_ordrs", 4).build()));

        Diagnostic problem = e.first();
        assertThat(problem.message()).isEqualTo("model 'orders' refers to 'stg_ordrs', which does not exist");
        assertThat(problem.at().toString()).isEqualTo("models/marts/orders.sql:4");
        assertThat(problem.hint()).startsWith("did you mean 'stg_orders'");
        assertThat(problem.hint()).doesNotContain("customers");
        assertThat(e.getMessage()).contains("models/marts/orders.sql:4: error: model 'orders' refers to 'stg_ordrs'");
    }

    @Test
    void reportsEveryProblemAtOnce() {
        SmeltException e = linkFails(List.of(
                model("a").ref("nope", 2).source("raw", "missing", 5).build(),
                model("b").ref("a", 1).ref("also_nope", 7).build(),
                source("raw", "orders").build()));

        assertThat(e.diagnostics()).extracting(d -> d.at().toString())
                .containsExactly("models/a.sql:2", "models/a.sql:5", "models/b.sql:7");
        assertThat(e.diagnostics().get(1).message())
                .isEqualTo("model 'a' refers to source 'raw.missing', which does not exist");
        assertThat(e.diagnostics().get(1).hint()).isEqualTo("source 'raw' has tables: orders");
    }

    @Test
    void refToDisabledNodeIsAnError() {
        SmeltException e = linkFails(List.of(
                model("legacy").disabled().build(),
                model("orders").ref("legacy", 3).build()));
        assertThat(e.first().message()).isEqualTo("model 'orders' refers to 'legacy', which is disabled");
        assertThat(e.first().hint()).contains("model.shop.legacy").contains("models/legacy.sql");
    }

    @Test
    void enabledNodeWinsOverDisabledNamesake() {
        List<Node> linked = GraphLinker.link(List.of(
                model("orders").uniqueId("model.shop.orders").file("models/v1/orders.sql").disabled().build(),
                model("orders").file("models/v2/orders.sql").build(),
                model("report").ref("orders").build()), "shop");
        assertThat(linked).hasSize(2);
        assertThat(byId(linked).get("model.shop.report").dependsOn()).containsExactly("model.shop.orders");
    }

    @Test
    void testsOfDisabledOrMissingNodesAreDisabledNotErrors() {
        GraphLinker.Result result = GraphLinker.linkAll(List.of(
                model("legacy").disabled().build(),
                genericTest("not_null_legacy_id", "not_null", "id", "model.shop.legacy").ref("legacy").build(),
                genericTest("not_null_ghost_id", "not_null", "id", "model.shop.ghost").ref("ghost").build()), "shop");

        assertThat(result.nodes()).isEmpty();
        assertThat(result.disabled()).extracting(Node::uniqueId)
                .containsExactly("model.shop.legacy", "test.shop.not_null_legacy_id", "test.shop.not_null_ghost_id");
        assertThat(result.disabled()).allMatch(n -> !n.config().enabled());
        assertThat(result.warnings()).hasSize(1);
        assertThat(result.warnings().get(0).message()).contains("'ghost', which does not exist");
        assertThat(result.warnings().get(0).at().toString()).isEqualTo("models/schema.yml:7:11");
    }

    @Test
    void duplicateNamesInOnePackageShowBothPaths() {
        SmeltException e = linkFails(List.of(
                model("orders").file("models/a/orders.sql").build(),
                seed("orders").build(),
                model("customers").file("models/a/customers.sql").build(),
                model("customers").file("models/b/customers.sql").build()));

        assertThat(e.diagnostics()).hasSize(2);
        assertThat(e.diagnostics().get(0).message())
                .contains("two resources named 'orders' in package 'shop'")
                .contains("model.shop.orders (models/a/orders.sql)")
                .contains("seed.shop.orders (seeds/orders.csv)");
        assertThat(e.diagnostics().get(1).message())
                .contains("models/a/customers.sql").contains("models/b/customers.sql");
    }

    @Test
    void sameNameInTwoPackagesIsFine() {
        List<Node> linked = GraphLinker.link(List.of(
                model("calendar").build(),
                model("calendar").pkg("utils").build()), "shop");
        assertThat(linked).hasSize(2);
    }

    @Test
    void twoArgumentRefLooksOnlyInThatPackage() {
        List<Node> linked = GraphLinker.link(List.of(
                model("calendar").build(),
                model("calendar").pkg("utils").build(),
                model("report").ref("utils", "calendar", null, 1).build()), "shop");
        assertThat(byId(linked).get("model.shop.report").dependsOn()).containsExactly("model.utils.calendar");

        SmeltException e = linkFails(List.of(
                model("calendar").pkg("utils").build(),
                model("report").ref("utilz", "calendar", null, 2).build()));
        assertThat(e.first().message()).isEqualTo("model 'report' refers to 'utilz.calendar', which does not exist");
        assertThat(e.first().hint()).isEqualTo("no package named 'utilz' is loaded; did you mean 'utils'?");
    }

    @Test
    void unqualifiedRefPrefersRootProjectThenOwnPackageThenAnyPackage() {
        List<Node> linked = GraphLinker.link(List.of(
                model("calendar").build(),
                model("calendar").pkg("utils").build(),
                model("dates").pkg("utils").ref("calendar").build(),
                model("helper").pkg("utils").build(),
                model("helper").pkg("other").build(),
                model("uses_helper").pkg("other").ref("helper").build(),
                model("only_in_utils").pkg("utils").build(),
                model("root_model").ref("only_in_utils").build()), "shop");

        Map<String, Node> nodes = byId(linked);
        // dbt lets the root project override a package's model
        assertThat(nodes.get("model.utils.dates").dependsOn()).containsExactly("model.shop.calendar");
        assertThat(nodes.get("model.other.uses_helper").dependsOn()).containsExactly("model.other.helper");
        assertThat(nodes.get("model.shop.root_model").dependsOn()).containsExactly("model.utils.only_in_utils");
    }

    @Test
    void refMatchingSeveralOtherPackagesIsAmbiguous() {
        SmeltException e = linkFails(List.of(
                model("helper").pkg("utils").build(),
                model("helper").pkg("other").build(),
                model("report").ref("helper", 6).build()));
        assertThat(e.first().message())
                .isEqualTo("model 'report' refers to 'helper', which several packages define: model.other.helper, model.utils.helper");
        assertThat(e.first().hint()).isEqualTo("name the package, for example ref('other', 'helper')");
    }

    @Test
    void versionedRefsMatchConfigVersionOrIdSuffixOrNameSuffix() {
        List<Node> linked = GraphLinker.link(List.of(
                model("dim_customers").uniqueId("model.shop.dim_customers.v1").config("version", 1).build(),
                model("dim_customers").uniqueId("model.shop.dim_customers.v2").build(),
                model("fct_orders_v3").build(),
                model("uses_v1").ref(null, "dim_customers", "1", 1).build(),
                model("uses_latest").ref("dim_customers").build(),
                model("uses_v3").ref(null, "fct_orders", "3", 1).build()), "shop");

        Map<String, Node> nodes = byId(linked);
        assertThat(nodes.get("model.shop.uses_v1").dependsOn()).containsExactly("model.shop.dim_customers.v1");
        assertThat(nodes.get("model.shop.uses_latest").dependsOn()).containsExactly("model.shop.dim_customers.v2");
        assertThat(nodes.get("model.shop.uses_v3").dependsOn()).containsExactly("model.shop.fct_orders_v3");

        SmeltException e = linkFails(List.of(
                model("dim_customers").uniqueId("model.shop.dim_customers.v1").build(),
                model("uses_v9").ref(null, "dim_customers", "9", 2).build()));
        assertThat(e.first().message()).isEqualTo("model 'uses_v9' refers to 'dim_customers' version 9, which does not exist");
        assertThat(e.first().hint()).isEqualTo("'dim_customers' has version(s) 1");
    }

    @Test
    void latestVersionConfigPicksTheVersionOfAnUnversionedRef() {
        List<Node> linked = GraphLinker.link(List.of(
                model("dim").uniqueId("model.shop.dim.v1").config("latest_version", 1).build(),
                model("dim").uniqueId("model.shop.dim.v2").config("latest_version", 1).build(),
                model("user").ref("dim").build()), "shop");
        assertThat(byId(linked).get("model.shop.user").dependsOn()).containsExactly("model.shop.dim.v1");
    }

    @Test
    void sourcesResolvePerPackage() {
        List<Node> linked = GraphLinker.link(List.of(
                source("raw", "orders").build(),
                source("raw", "orders").pkg("utils").build(),
                model("stg").pkg("utils").source("raw", "orders", 1).build(),
                model("stg2").source("raw", "orders", 1).build()), "shop");
        // Root project first, as for refs
        assertThat(byId(linked).get("model.utils.stg").dependsOn()).containsExactly("source.shop.raw.orders");
        assertThat(byId(linked).get("model.shop.stg2").dependsOn()).containsExactly("source.shop.raw.orders");

        assertThatThrownBy(() -> GraphLinker.link(List.of(
                source("raw", "orders").disabled().build(),
                model("stg").source("raw", "orders", 2).build()), "shop"))
                .isInstanceOf(SmeltException.class)
                .hasMessageContaining("models/stg.sql:2: error: model 'stg' refers to source 'raw.orders', which is disabled");
    }
}
