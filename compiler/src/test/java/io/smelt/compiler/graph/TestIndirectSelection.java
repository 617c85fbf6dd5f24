package io.smelt.compiler.graph;

import io.smelt.compiler.graph.SelectorDefinition.Expression;
import io.smelt.compiler.graph.SelectorDefinition.Selectors;
import io.smelt.compiler.graph.SelectorDefinition.Union;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.smelt.compiler.graph.IndirectSelection.BUILDABLE;
import static io.smelt.compiler.graph.IndirectSelection.CAUTIOUS;
import static io.smelt.compiler.graph.IndirectSelection.EAGER;
import static io.smelt.compiler.graph.IndirectSelection.EMPTY;
import static io.smelt.compiler.graph.TestingNodes.genericTest;
import static io.smelt.compiler.graph.TestingNodes.model;
import static io.smelt.compiler.graph.TestingNodes.seed;
import static io.smelt.compiler.graph.TestingNodes.source;
import static io.smelt.compiler.graph.TestingNodes.unitTest;
import static org.assertj.core.api.Assertions.assertThat;

/** Each {@code --indirect-selection} mode on tests of one parent, of two (relationships) and unit tests, as dbt decides them. */
class TestIndirectSelection {
    private static final String STG = "model.shop.stg";
    private static final String ORDERS = "model.shop.orders";
    private static final String CUSTOMERS = "model.shop.customers";
    private static final String COUNTRIES = "seed.shop.countries";
    private static final String RAW = "source.shop.raw.events";
    private static final String NOT_NULL = "test.shop.not_null_orders_id";
    private static final String TO_CUSTOMERS = "test.shop.relationships_orders_customers";
    private static final String TO_COUNTRIES = "test.shop.relationships_orders_countries";
    private static final String STG_UNIQUE = "test.shop.unique_stg_id";
    private static final String RAW_NOT_NULL = "test.shop.source_not_null_raw_events_id";
    private static final String UNIT = "unit_test.shop.orders.test_orders";

    private static final DependencyGraph GRAPH = DependencyGraph.of(GraphLinker.link(List.of(
            source("raw", "events").build(),
            seed("countries").build(),
            model("stg").source("raw", "events", 1).build(),
            model("orders").ref("stg").ref("countries").build(),
            model("customers").ref("stg").build(),
            genericTest("not_null_orders_id", "not_null", "id", ORDERS).ref("orders").build(),
            genericTest("relationships_orders_customers", "relationships", "customer_id", ORDERS)
                    .ref("orders").ref("customers").build(),
            genericTest("relationships_orders_countries", "relationships", "country", ORDERS)
                    .ref("orders").ref("countries").build(),
            genericTest("unique_stg_id", "unique", "id", STG).ref("stg").build(),
            genericTest("source_not_null_raw_events_id", "not_null", "id", RAW).source("raw", "events", 1).build(),
            unitTest("test_orders", ORDERS).uniqueId(UNIT).ref("orders").build()),
            "shop"));

    private static Set<String> select(IndirectSelection mode, List<String> select, List<String> exclude) {
        return new NodeSelector(GRAPH, "shop").select(new Selection(select, exclude, Set.of(), null, mode)).uniqueIds();
    }

    private static Set<String> select(IndirectSelection mode, String... select) {
        return select(mode, List.of(select), List.of());
    }

    private static Set<String> allBut(String... left) {
        Set<String> all = new java.util.HashSet<>(GRAPH.topologicalOrder());
        List.of(left).forEach(all::remove);
        return all;
    }

    @Test
    void eagerTakesEveryTestTouchingASelectedNode() {
        assertThat(select(EAGER, "orders")).containsExactlyInAnyOrder(ORDERS, NOT_NULL, TO_CUSTOMERS, TO_COUNTRIES, UNIT);
        assertThat(select(EAGER, "customers")).containsExactlyInAnyOrder(CUSTOMERS, TO_CUSTOMERS);
    }

    @Test
    void cautiousTakesATestOnlyWhenAllItsParentsAreSelected() {
        assertThat(select(CAUTIOUS, "orders")).containsExactlyInAnyOrder(ORDERS, NOT_NULL, UNIT);
        // each atom leaves the relationships test out, the union takes it back: both parents are now selected
        assertThat(select(CAUTIOUS, "orders", "customers")).containsExactlyInAnyOrder(ORDERS, CUSTOMERS, NOT_NULL, UNIT, TO_CUSTOMERS);
        assertThat(select(CAUTIOUS, "orders customers")).isEqualTo(select(CAUTIOUS, "orders", "customers"));
        assertThat(select(CAUTIOUS, "+orders")).containsExactlyInAnyOrder(RAW, COUNTRIES, STG, ORDERS, NOT_NULL, UNIT,
                TO_COUNTRIES, STG_UNIQUE, RAW_NOT_NULL);
    }

    @Test
    void buildableAlsoCountsTheAncestorsOfTheSelection() {
        // countries is upstream of orders, so the test between them can run; customers is not
        assertThat(select(BUILDABLE, "orders")).containsExactlyInAnyOrder(ORDERS, NOT_NULL, UNIT, TO_COUNTRIES);
        assertThat(select(BUILDABLE, "customers")).containsExactlyInAnyOrder(CUSTOMERS);
        assertThat(select(BUILDABLE, "orders customers")).containsExactlyInAnyOrder(ORDERS, CUSTOMERS, NOT_NULL, UNIT,
                TO_COUNTRIES, TO_CUSTOMERS);
    }

    @Test
    void emptyTakesNoTestThatIsNotSelectedItself() {
        assertThat(select(EMPTY, "orders")).containsExactly(ORDERS);
        assertThat(select(EMPTY, "+orders")).containsExactlyInAnyOrder(RAW, COUNTRIES, STG, ORDERS);
        assertThat(select(EMPTY, "orders", "test_name:relationships")).containsExactlyInAnyOrder(ORDERS, TO_CUSTOMERS, TO_COUNTRIES);
        assertThat(select(EMPTY, "test_type:unit")).containsExactly(UNIT);
    }

    @Test
    void excludeTakesTheModeToo() {
        List<String> all = List.of();
        // eager: a test touching an excluded node goes with it, even when its other parent stays
        assertThat(select(EAGER, all, List.of("customers"))).isEqualTo(allBut(CUSTOMERS, TO_CUSTOMERS));
        assertThat(select(EAGER, all, List.of("orders"))).isEqualTo(allBut(ORDERS, NOT_NULL, TO_CUSTOMERS, TO_COUNTRIES, UNIT));
        // cautious: only the tests whose every parent is excluded go
        assertThat(select(CAUTIOUS, all, List.of("customers"))).isEqualTo(allBut(CUSTOMERS));
        assertThat(select(CAUTIOUS, all, List.of("orders"))).isEqualTo(allBut(ORDERS, NOT_NULL, UNIT));
        // buildable: and those whose other parents are upstream of the excluded nodes
        assertThat(select(BUILDABLE, all, List.of("orders"))).isEqualTo(allBut(ORDERS, NOT_NULL, UNIT, TO_COUNTRIES));
        assertThat(select(EMPTY, all, List.of("orders"))).isEqualTo(allBut(ORDERS));
        assertThat(select(CAUTIOUS, List.of("orders customers"), List.of("customers")))
                .containsExactlyInAnyOrder(ORDERS, NOT_NULL, UNIT, TO_CUSTOMERS);
        assertThat(select(EAGER, List.of("orders customers"), List.of("customers")))
                .containsExactlyInAnyOrder(ORDERS, NOT_NULL, UNIT, TO_COUNTRIES);
        // orders+ takes its tests as children, whatever the mode; the cautious exclusion of customers leaves them
        assertThat(select(CAUTIOUS, List.of("orders+"), List.of("customers")))
                .containsExactlyInAnyOrder(ORDERS, NOT_NULL, UNIT, TO_COUNTRIES, TO_CUSTOMERS);
        assertThat(select(EAGER, List.of("+orders"), List.of("countries"))).containsExactlyInAnyOrder(RAW, STG, ORDERS, NOT_NULL,
                TO_CUSTOMERS, UNIT, STG_UNIQUE, RAW_NOT_NULL);
    }

    @Test
    void aSelectorsDefinitionMaySetItsOwnMode() {
        NodeSelector selector = new NodeSelector(GRAPH, "shop").withSelectors(new Selectors(Map.of(
                "orders_cautious", new Expression("orders", CAUTIOUS),
                "orders_then_customers", new Union(List.of(new Expression("orders"), new Expression("customers")))), null, null));
        assertThat(selector.select(new Selection(List.of(), List.of(), Set.of(), "orders_cautious", EAGER)).uniqueIds())
                .containsExactlyInAnyOrder(ORDERS, NOT_NULL, UNIT);
        // the flag's mode applies to the parts that set none, and to their union
        assertThat(selector.select(new Selection(List.of(), List.of(), Set.of(), "orders_then_customers", CAUTIOUS)).uniqueIds())
                .containsExactlyInAnyOrder(ORDERS, CUSTOMERS, NOT_NULL, UNIT, TO_CUSTOMERS);
        assertThat(selector.select(new Selection(List.of(), List.of(), Set.of(), "orders_then_customers", EMPTY)).uniqueIds())
                .containsExactlyInAnyOrder(ORDERS, CUSTOMERS);
    }
}
