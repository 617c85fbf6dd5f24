package io.smelt.adapter.testing;

import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A package written in dbt_utils' style on a real engine, through the packages fixture: a
 * {@code local:} package (read from its folder, not installed) whose macros dispatch with
 * {@code default__} fallbacks and a Trino override, chain into dbt's global macros, are overridden
 * by the root project through {@code dispatch: search_order}; its model is ref'd by the root and its
 * generic test runs on the root's columns. Its hooks call its own macros unqualified; the root
 * overrides {@code ref} with a macro that calls {@code builtins.ref}.
 */
public abstract class BasePackagesContractTest extends BaseProjectTest {
    @Test
    public void aLocalPackageDispatchesItsMacrosAndRunsItsModelAndTest() {
        Path project = project("packages");
        try (Workspace workspace = load(project)) {
            RunSummary summary = run(workspace, Command.BUILD);

            assertThat(names(summary)).contains("orders=SUCCESS", "status_labels=SUCCESS", "order_facts=SUCCESS");
            String expectedLabel = workspace.adapterType().equals("trino") ? "trino" : "default";
            assertThat(rows(workspace, "select id, order_key, unit_amount, engine_label, greeting, label from "
                    + relation(workspace, "order_facts") + " order by id")).containsExactly(
                    "1|placed-1|5|" + expectedLabel + "|hello from packages_app|Placed",
                    "2|shipped-2||" + expectedLabel + "|hello from packages_app|Shipped",
                    "3|placed-3|15|" + expectedLabel + "|hello from packages_app|Placed");

            List<NodeResult> tests = summary.results().stream()
                    .filter(r -> r.node().name().startsWith("shop_utils_positive_values_orders_")).toList();
            assertThat(tests).extracting(r -> r.node().name() + "=" + r.status() + "/" + r.failures()).containsExactlyInAnyOrder(
                    "shop_utils_positive_values_orders_amount=" + NodeStatus.PASS + "/0",
                    "shop_utils_positive_values_orders_qty=" + NodeStatus.WARN + "/1");
            assertThat(summary.success()).as(names(summary).toString()).isTrue();
        }
    }

    @Test
    public void aPackagesHooksReachItsOwnMacrosUnqualified() {
        Path project = project("packages");
        try (Workspace workspace = load(project)) {
            RunSummary summary = run(workspace, Command.BUILD);

            assertThat(summary.success()).as(names(summary).toString()).isTrue();
            String orders = relation(workspace, "orders");
            int at = orders.lastIndexOf("orders");
            String hookLog = orders.substring(0, at) + "shop_utils_hook_log" + orders.substring(at + "orders".length());
            assertThat(rows(workspace, "select event from " + hookLog + " order by event"))
                    .containsExactly(
                            "packages_app on-run-end",
                            "post-hook of seed shop_regions",
                            "post-hook of status_labels",
                            "pre-hook of status_labels",
                            "shop_utils on-run-end");
            // dbt's order: each package's on-run-* hooks by package name, the root project's last
            assertThat(summary.results().stream().map(r -> r.node().name()).filter(n -> n.contains("on-run-")))
                    .containsExactly("shop_utils-on-run-start-0", "shop_utils-on-run-end-0", "packages_app-on-run-end-0");
        }
    }

    @Test
    public void aRootMacroNamedRefOverridesRefAndBuiltinsReachDbtsOwnRefSourceConfigAndVar() {
        Path project = project("packages");
        try (Workspace workspace = load(project)) {
            RunSummary summary = run(workspace, Command.BUILD);

            assertSucceeded(summary);
            assertThat(relation(workspace, "order_count")).contains("order_count_total");
            assertThat(rows(workspace, "select n, via_source, label from " + relation(workspace, "order_count")))
                    .containsExactly("3|3|orders");
            // the dependency builtins.ref recorded orders the build: orders before order_count
            List<String> order = summary.results().stream().map(r -> r.node().name()).toList();
            assertThat(order.indexOf("orders")).isLessThan(order.indexOf("order_count"));
        }
    }
}
