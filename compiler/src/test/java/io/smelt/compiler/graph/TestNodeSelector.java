package io.smelt.compiler.graph;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.smelt.compiler.graph.TestingNodes.analysis;
import static io.smelt.compiler.graph.TestingNodes.genericTest;
import static io.smelt.compiler.graph.TestingNodes.model;
import static io.smelt.compiler.graph.TestingNodes.seed;
import static io.smelt.compiler.graph.TestingNodes.singularTest;
import static io.smelt.compiler.graph.TestingNodes.source;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestNodeSelector {
    private static final String RAW_ORDERS = "source.shop.raw.orders";
    private static final String RAW_CUSTOMERS = "source.shop.raw.customers";
    private static final String COUNTRIES = "seed.shop.countries";
    private static final String STG_ORDERS = "model.shop.stg_orders";
    private static final String STG_CUSTOMERS = "model.shop.stg_customers";
    private static final String ORDERS = "model.shop.orders";
    private static final String CUSTOMERS = "model.shop.customers";
    private static final String REPORT = "model.shop.report";
    private static final String NOT_NULL = "test.shop.not_null_orders_id";
    private static final String RELATIONSHIPS = "test.shop.relationships_orders_customer_id";
    private static final String ASSERT_TOTALS = "test.shop.assert_totals";
    private static final String EXPLORE = "analysis.shop.explore";
    private static final String CALENDAR = "model.utils.calendar";
    private static final String STG_DATES = "model.utils.stg_dates";
    private static final Set<String> ORDERS_TESTS = Set.of(NOT_NULL, RELATIONSHIPS, ASSERT_TOTALS);

    private static final DependencyGraph SELECTOR_GRAPH = DependencyGraph.of(GraphLinker.link(List.of(
            source("raw", "orders").file("models/staging/sources.yml").build(),
            source("raw", "customers").file("models/staging/sources.yml").build(),
            seed("countries").tags("reference").build(),
            model("stg_orders").file("models/staging/stg_orders.sql").patchPath("models/staging/schema.yml")
                    .tags("staging").source("raw", "orders", 1).build(),
            model("stg_customers").file("models/staging/stg_customers.sql").tags("staging", "pii")
                    .source("raw", "customers", 1).build(),
            model("orders").file("models/marts/orders.sql").config("materialized", "table").tags("nightly")
                    .ref("stg_orders").ref("stg_customers").ref("countries").build(),
            model("customers").file("models/marts/customers.sql").config("materialized", "incremental")
                    .config("meta", Map.of("owner", "finance")).ref("orders").build(),
            model("report").file("models/marts/reporting/report.sql").ref("customers").build(),
            genericTest("not_null_orders_id", "not_null", "id", ORDERS).file("models/marts/schema.yml")
                    .ref("orders").build(),
            genericTest("relationships_orders_customer_id", "relationships", "customer_id", ORDERS)
                    .file("models/marts/schema.yml").config("severity", "warn").ref("orders").ref("customers").build(),
            singularTest("assert_totals").ref("orders").build(),
            analysis("explore").ref("orders").build(),
            model("calendar").pkg("utils").build(),
            model("stg_dates").pkg("utils").file("models/staging/stg_dates.sql").ref("calendar").build()),
            "shop"));
    private static final NodeSelector SELECTOR = new NodeSelector(SELECTOR_GRAPH, "shop", Map.of("utils", Path.of("dbt_packages/utils")));

    private static Set<String> select(String... expressions) {
        NodeSelector.Result result = SELECTOR.select(new Selection(List.of(expressions), List.of(), Set.of()));
        assertThat(result.warnings()).isEmpty();
        return result.uniqueIds();
    }

    private static Set<String> with(Set<String> base, String... more) {
        Set<String> all = new java.util.HashSet<>(base);
        all.addAll(List.of(more));
        return all;
    }

    @Test
    void exposureSelectsNothingItselfAndItsParentsWithPlus() {
        Node dashboard = new Node("exposure.shop.dashboard", ResourceType.EXPOSURE, "shop", "dashboard",
                Path.of("models/exposures.yml"), null, List.of("shop", "dashboard"), "", null, "", null, null, null,
                List.of(CUSTOMERS), null, null, null, null, null, null, null);
        NodeSelector selector = new NodeSelector(SELECTOR_GRAPH, "shop", Map.of(), List.of(dashboard));

        assertThat(selector.select(new Selection(List.of("exposure:dashboard"), List.of(), Set.of())).uniqueIds()).isEmpty();
        assertThat(selector.select(new Selection(List.of("1+exposure:dashboard"), List.of(), Set.of())).uniqueIds())
                .containsExactlyInAnyOrder(CUSTOMERS, RELATIONSHIPS);
        assertThat(selector.select(new Selection(List.of("+exposure:dash*"), List.of(), Set.of())).uniqueIds())
                .contains(CUSTOMERS, ORDERS, STG_ORDERS, RAW_ORDERS, NOT_NULL, RELATIONSHIPS).doesNotContain(REPORT);
        assertThat(selector.select(new Selection(List.of("+exposure:other"), List.of(), Set.of())).warnings())
                .contains("The selection criterion '+exposure:other' does not match any enabled nodes");
    }

    @Test
    void bareNameSelectsTheNodeAndItsTests() {
        assertThat(select("orders")).containsExactlyInAnyOrderElementsOf(with(ORDERS_TESTS, ORDERS));
        assertThat(select("report")).containsExactly(REPORT);
        assertThat(select("fqn:report")).containsExactly(REPORT);
    }

    @Test
    void fqnPathsAndWildcards() {
        assertThat(select("shop.staging")).containsExactlyInAnyOrder(STG_ORDERS, STG_CUSTOMERS);
        assertThat(select("staging.stg_orders")).containsExactly(STG_ORDERS);
        assertThat(select("shop.marts.reporting.report")).containsExactly(REPORT);
        assertThat(select("stg_*")).containsExactlyInAnyOrder(STG_ORDERS, STG_CUSTOMERS, STG_DATES);
        assertThat(select("*.reporting.*")).containsExactly(REPORT);
        assertThat(select("utils")).containsExactlyInAnyOrder(CALENDAR, STG_DATES);
    }

    @Test
    void tagPathFileAndPackage() {
        assertThat(select("tag:staging")).containsExactlyInAnyOrder(STG_ORDERS, STG_CUSTOMERS);
        assertThat(select("tag:night*")).containsExactlyInAnyOrderElementsOf(with(ORDERS_TESTS, ORDERS));
        assertThat(select("path:models/staging")).containsExactlyInAnyOrder(RAW_ORDERS, RAW_CUSTOMERS, STG_ORDERS, STG_CUSTOMERS);
        assertThat(select("models/staging/")).isEqualTo(select("path:models/staging"));
        assertThat(select("path:models/staging/schema.yml")).containsExactly(STG_ORDERS);
        assertThat(select("path:./models/marts/orders.sql")).containsExactlyInAnyOrderElementsOf(with(ORDERS_TESTS, ORDERS));
        assertThat(select("path:models/*/stg_*.sql")).containsExactlyInAnyOrder(STG_ORDERS, STG_CUSTOMERS);
        assertThat(select("path:dbt_packages/utils/models/staging")).containsExactly(STG_DATES);
        assertThat(select("stg_orders.sql")).containsExactly(STG_ORDERS);
        assertThat(select("file:stg_*")).containsExactlyInAnyOrder(STG_ORDERS, STG_CUSTOMERS, STG_DATES);
        assertThat(select("package:utils")).containsExactlyInAnyOrder(CALENDAR, STG_DATES);
        assertThat(select("package:this")).hasSize(12);
    }

    @Test
    void resourceTypeSourceConfigAndTestMethods() {
        assertThat(select("resource_type:seed")).containsExactly(COUNTRIES);
        assertThat(select("resource_type:analysis")).containsExactly(EXPLORE);
        assertThat(select("source:raw")).containsExactlyInAnyOrder(RAW_ORDERS, RAW_CUSTOMERS);
        assertThat(select("source:raw.orders")).containsExactly(RAW_ORDERS);
        assertThat(select("source:shop.raw.cust*")).containsExactly(RAW_CUSTOMERS);
        assertThat(select("config.materialized:table")).containsExactlyInAnyOrderElementsOf(with(ORDERS_TESTS, ORDERS));
        assertThat(select("config.materialized:view,package:this"))
                .containsExactlyInAnyOrder(STG_ORDERS, STG_CUSTOMERS, REPORT, EXPLORE);
        assertThat(select("config.meta.owner:finance")).containsExactlyInAnyOrder(CUSTOMERS, RELATIONSHIPS);
        assertThat(select("config.tags:pii")).containsExactly(STG_CUSTOMERS);
        assertThat(select("config.severity:WARN")).containsExactly(RELATIONSHIPS);
        assertThat(select("test_type:singular")).containsExactly(ASSERT_TOTALS);
        assertThat(select("test_type:generic")).containsExactlyInAnyOrder(NOT_NULL, RELATIONSHIPS);
        assertThat(select("test_name:not_*")).containsExactly(NOT_NULL);
    }

    @Test
    void graphOperators() {
        assertThat(select("+orders")).containsExactlyInAnyOrderElementsOf(with(ORDERS_TESTS,
                RAW_ORDERS, RAW_CUSTOMERS, COUNTRIES, STG_ORDERS, STG_CUSTOMERS, ORDERS));
        assertThat(select("1+orders")).containsExactlyInAnyOrderElementsOf(with(ORDERS_TESTS,
                COUNTRIES, STG_ORDERS, STG_CUSTOMERS, ORDERS));
        assertThat(select("orders+")).containsExactlyInAnyOrderElementsOf(with(ORDERS_TESTS,
                ORDERS, CUSTOMERS, REPORT, EXPLORE));
        assertThat(select("orders+1")).containsExactlyInAnyOrderElementsOf(with(ORDERS_TESTS,
                ORDERS, CUSTOMERS, EXPLORE));
        assertThat(select("+stg_orders+")).containsExactlyInAnyOrderElementsOf(with(ORDERS_TESTS,
                RAW_ORDERS, STG_ORDERS, ORDERS, CUSTOMERS, REPORT, EXPLORE));
        assertThat(select("@stg_orders")).containsExactlyInAnyOrderElementsOf(with(ORDERS_TESTS,
                RAW_ORDERS, RAW_CUSTOMERS, COUNTRIES, STG_ORDERS, STG_CUSTOMERS, ORDERS, CUSTOMERS, REPORT, EXPLORE));
        assertThat(select("source:raw.customers+1")).containsExactlyInAnyOrder(RAW_CUSTOMERS, STG_CUSTOMERS);
    }

    @Test
    void resultIsInTopologicalOrder() {
        assertThat(List.copyOf(select("+report")).indexOf(STG_ORDERS))
                .isLessThan(List.copyOf(select("+report")).indexOf(ORDERS));
        assertThat(List.copyOf(select("customers report stg_orders")))
                .containsExactly(STG_ORDERS, CUSTOMERS, REPORT, RELATIONSHIPS);
    }

    @Test
    void unionIntersectionAndExclude() {
        assertThat(select("stg_orders report")).containsExactlyInAnyOrder(STG_ORDERS, REPORT);
        assertThat(select("stg_orders", "  report\tcalendar ")).containsExactlyInAnyOrder(STG_ORDERS, REPORT, CALENDAR);
        assertThat(select("tag:staging,stg_orders")).containsExactly(STG_ORDERS);
        assertThat(select("+orders,tag:staging")).containsExactlyInAnyOrder(STG_ORDERS, STG_CUSTOMERS);

        NodeSelector.Result excluded = SELECTOR.select(new Selection(List.of("+orders"), List.of("orders source:raw"), Set.of()));
        // Excluding a model excludes its tests too (eager indirect selection applies to --exclude)
        assertThat(excluded.uniqueIds()).containsExactlyInAnyOrder(COUNTRIES, STG_ORDERS, STG_CUSTOMERS);
        assertThat(excluded.warnings()).isEmpty();
    }

    @Test
    void emptySelectMeansEverythingAndResourceTypesFilterLast() {
        assertThat(SELECTOR.select(Selection.all()).uniqueIds()).hasSize(14);
        assertThat(SELECTOR.select(new Selection(List.of(), List.of("package:utils"), Set.of(ResourceType.MODEL)))
                .uniqueIds()).containsExactlyInAnyOrder(STG_ORDERS, STG_CUSTOMERS, ORDERS, CUSTOMERS, REPORT);
        assertThat(SELECTOR.select(new Selection(List.of("orders+"), List.of(), Set.of(ResourceType.TEST)))
                .uniqueIds()).containsExactlyInAnyOrderElementsOf(ORDERS_TESTS);
        assertThat(SELECTOR.selectNodes(new Selection(List.of("+stg_orders"), List.of(), Set.of())))
                .extracting(Node::uniqueId).containsExactly(RAW_ORDERS, STG_ORDERS);
    }

    @Test
    void selectorThatMatchesNothingWarns() {
        NodeSelector.Result result = SELECTOR.select(new Selection(List.of("stg_ordrs", "resource_type:exposure"), List.of(), Set.of()));
        assertThat(result.isEmpty()).isTrue();
        assertThat(result.warnings()).containsExactly(
                "The selection criterion 'stg_ordrs' does not match any enabled nodes",
                "The selection criterion 'resource_type:exposure' does not match any enabled nodes",
                "Nothing to do. Try checking your model configs and model specification args");

        NodeSelector.Result filtered = SELECTOR.select(new Selection(List.of("orders"), List.of(), Set.of(ResourceType.SEED)));
        assertThat(filtered.uniqueIds()).isEmpty();
        assertThat(filtered.warnings()).containsExactly(NodeSelector.NOTHING_TO_DO);
    }

    @Test
    void malformedSelectorsAreSelectorErrors() {
        assertMalformed("foo:x", "selector 'foo:x' uses an unknown method 'foo'");
        assertMalformed("wildcard:x", "selector 'wildcard:x' uses the method 'wildcard', which Smelt does not support");
        assertMalformed("state:modified", "selector 'state:modified' compares with a previous run, and no state was given");
        assertMalformed("result:error", "selector 'result:error' compares with a previous run, and no state was given");
        assertMalformed("@+orders", "selector '@+orders' uses both '@' and a leading '+'");
        assertMalformed("orders++", "selector 'orders++' has a graph operator in the wrong place");
        assertMalformed("tag:", "selector 'tag:' names nothing");
        assertMalformed("+", "selector '+' names nothing");
        assertMalformed("config:table", "selector 'config:table' must name a config key");
        assertMalformed("tag.x:y", "selector 'tag.x:y': the method 'tag' takes no dotted arguments");
        assertMalformed("resource_type:modle", "selector 'resource_type:modle' names an unknown resource type 'modle'");
        assertMalformed("source:a.b.c.d", "selector 'source:a.b.c.d' is not a source");
        // A bad exclude fails as well, before any selection work
        assertThatThrownBy(() -> SELECTOR.select(new Selection(List.of("orders"), List.of("bogus:1"), Set.of())))
                .isInstanceOf(SmeltException.class);
    }

    private static void assertMalformed(String selector, String message) {
        assertThatThrownBy(() -> SELECTOR.select(new Selection(List.of("orders " + selector), List.of(), Set.of())))
                .isInstanceOfSatisfying(SmeltException.class, e -> {
                    assertThat(e.first().kind()).isEqualTo(ErrorKind.SELECTOR);
                    assertThat(e.first().at()).isNull();
                    assertThat(e.first().message()).startsWith(message);
                    assertThat(e.first().hint()).isNotBlank();
                    if (message.contains("method")) {
                        assertThat(e.first().hint()).contains("tag, path, file, package, resource_type, source, config.<key>");
                    }
                });
    }
}
