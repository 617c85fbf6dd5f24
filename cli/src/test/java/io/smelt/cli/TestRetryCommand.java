package io.smelt.cli;

import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** {@code smelt retry}, as dbt-core's retry task: the previous command and flags, over what errored, failed or was skipped. */
class TestRetryCommand {
    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void write() throws Exception {
        project = FailingShop.write(dir);
    }

    @Test
    void afterAFailedBuildTheFailedModelAndWhatItSkippedRunAndNothingElse() throws Exception {
        Result build = smelt("build");
        assertThat(build.exitCode()).as(build.out()).isEqualTo(1);
        assertThat(FailingShop.statuses(project)).contains(entry("broken", "error"), entry("after_broken", "skipped"),
                entry("inc", "skipped"), entry("not_null_broken_id", "skipped"), entry("fine", "success"));
        // a node that succeeded and runs again would come back; retry must leave it dropped
        execute("drop table main.fine");

        Result stillBroken = smelt("retry", "--threads", "3");
        assertThat(stillBroken.exitCode()).as(stillBroken.out()).isEqualTo(1);
        assertThat(FailingShop.args(project).path("threads").asInt()).as("retry's own --threads").isEqualTo(3);
        assertThat(FailingShop.statuses(project)).containsOnly(entry("broken", "error"), entry("after_broken", "skipped"),
                entry("inc", "skipped"), entry("not_null_broken_id", "skipped"));

        FailingShop.fix(project);
        Result fixed = smelt("retry");
        assertThat(fixed.exitCode()).as(fixed.out() + fixed.err()).isZero();
        assertThat(FailingShop.statuses(project)).containsOnly(entry("broken", "success"), entry("after_broken", "success"),
                entry("inc", "success"), entry("not_null_broken_id", "pass"));
        assertThat(FailingShop.args(project).path("which").asText()).isEqualTo("build");
        assertThat(FailingShop.rows(dir.resolve("shop.duckdb"), "select id, amount from main.after_broken order by id"))
                .containsExactly("1|20", "2|40", "3|60");
        assertThat(FailingShop.rows(dir.resolve("shop.duckdb"),
                "select count(*) from information_schema.tables where table_name = 'fine'")).containsExactly("0");

        Result again = smelt("retry");
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("Nothing to retry").contains("build");
    }

    @Test
    void afterAFailedTestTheFailedTestRunsAgainWithThePreviousVarsUnlessRetryGivesOthers() throws Exception {
        FailingShop.fix(project);
        assertThat(smelt("build", "--exclude", "resource_type:test").exitCode()).isZero();
        Result test = smelt("test", "--vars", "{max_orders: 2}");
        assertThat(test.exitCode()).isEqualTo(1);
        assertThat(FailingShop.statuses(project)).contains(entry("no_big_count", "fail"), entry("few_orders", "warn"),
                entry("not_null_fine_n", "pass"));

        Result sameVars = smelt("retry");
        assertThat(sameVars.exitCode()).as("the previous run's --vars are kept").isEqualTo(1);
        assertThat(FailingShop.statuses(project)).containsExactly(entry("no_big_count", "fail"));
        assertThat(FailingShop.args(project).path("vars").path("max_orders").asInt()).isEqualTo(2);

        Result otherVars = smelt("retry", "--vars", "{max_orders: 5}");
        assertThat(otherVars.exitCode()).as(otherVars.out()).isZero();
        assertThat(FailingShop.statuses(project)).containsExactly(entry("no_big_count", "pass"));
        assertThat(FailingShop.args(project).path("which").asText()).isEqualTo("test");
    }

    @Test
    void warningsRunAgainOnlyWhenRetryMakesThemErrors() throws Exception {
        FailingShop.fix(project);
        assertThat(smelt("build", "--exclude", "resource_type:test").exitCode()).isZero();
        assertThat(smelt("test", "--select", "few_orders").exitCode()).isZero();
        assertThat(FailingShop.statuses(project)).containsExactly(entry("few_orders", "warn"));

        assertThat(smelt("retry").out()).contains("Nothing to retry");
        Result strict = smelt("retry", "--warn-error");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(FailingShop.statuses(project)).containsExactly(entry("few_orders", "fail"));
    }

    @Test
    void withNothingToRetryItSaysSoAndLeavesTheResultsAsTheyWere() throws Exception {
        FailingShop.fix(project);
        assertThat(smelt("build", "--select", "+fine").exitCode()).isZero();
        assertThat(FailingShop.statuses(project)).containsEntry("few_orders", "warn");
        String before = Files.readString(project.resolve("target/run_results.json"));

        Result retry = smelt("retry");
        assertThat(retry.exitCode()).isZero();
        assertThat(retry.out()).contains("Nothing to retry: no node errored, failed or was skipped in the previous build");
        assertThat(Files.readString(project.resolve("target/run_results.json"))).isEqualTo(before);
    }

    @Test
    void withoutAPreviousRunItIsExit2WithAHint() {
        Result none = smelt("retry");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("no previous run to retry").contains("has no run_results.json").contains("hint:");

        Result elsewhere = smelt("retry", "--state", dir.resolve("nowhere").toString());
        assertThat(elsewhere.exitCode()).isEqualTo(2);
        assertThat(elsewhere.err()).contains("--state").contains("nowhere");
    }

    @Test
    void itKeepsFullRefreshVarsAndTargetOfThePreviousRun() throws Exception {
        FailingShop.fix(project);
        assertThat(smelt("build", "--target", "ci", "--exclude", "resource_type:test").exitCode()).isZero();
        Path ci = dir.resolve("ci.duckdb");
        assertThat(FailingShop.rows(ci, "select how, label from main.inc order by id")).containsExactly("full|first", "full|first", "full|first");

        FailingShop.breakAgain(project);
        Result failed = smelt("run", "--target", "ci", "--full-refresh", "--vars", "{label: second}", "--threads", "2");
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(FailingShop.statuses(project)).contains(entry("broken", "error"), entry("inc", "skipped"));

        FailingShop.fix(project);
        Result otherTarget = smelt("retry", "--target", "dev");
        assertThat(otherTarget.exitCode()).isEqualTo(2);
        assertThat(otherTarget.err()).contains("retry runs on the previous run's target (ci), not --target dev");

        Result retry = smelt("retry");
        assertThat(retry.exitCode()).as(retry.out() + retry.err()).isZero();
        assertThat(FailingShop.statuses(project)).containsOnly(entry("broken", "success"), entry("after_broken", "success"),
                entry("inc", "success"));
        assertThat(FailingShop.rows(ci, "select how, label from main.inc order by id"))
                .as("rebuilt from scratch (an incremental run would add 3 'inc' rows), with the previous run's vars")
                .containsExactly("full|second", "full|second", "full|second");
        assertThat(FailingShop.rows(dir.resolve("shop.duckdb"),
                "select count(*) from information_schema.tables where table_name = 'inc'")).as("nothing went to dev").containsExactly("0");
        assertThat(FailingShop.args(project).path("threads").asInt()).isEqualTo(2);
        assertThat(FailingShop.args(project).path("full_refresh").asBoolean()).isTrue();
    }

    @Test
    void aFailedRunOperationIsCalledAgainWithItsArguments() throws Exception {
        TestingFiles.write(project.resolve("macros/shout.sql"), """
                {% macro shout(fail) %}
                  {% do log('running a macro!', info=True) %}
                  {% if fail %}{{ exceptions.raise_compiler_error('asked to fail') }}{% endif %}
                {% endmacro %}
                """);
        Result failed = smelt("run-operation", "shout", "--args", "{fail: true}");
        assertThat(failed.exitCode()).isNotZero();
        assertThat(FailingShop.statuses(project)).containsExactly(entry("shout", "error"));
        assertThat(FailingShop.args(project).path("args").path("fail").asBoolean()).isTrue();

        Result retry = smelt("retry");
        assertThat(retry.exitCode()).isEqualTo(failed.exitCode());
        assertThat(retry.out() + retry.err()).contains("running a macro!").contains("asked to fail");

        assertThat(smelt("run-operation", "shout", "--args", "{fail: false}").exitCode()).isZero();
        assertThat(FailingShop.statuses(project)).containsExactly(entry("shout", "success"));
        Result nothing = smelt("retry");
        assertThat(nothing.exitCode()).isZero();
        assertThat(nothing.out()).contains("Nothing to retry").doesNotContain("running a macro!");
    }

    @Test
    void whenAnOnRunStartHookFailedNoNodeRanSoRetryRunsThePreviousSelection() throws Exception {
        FailingShop.fix(project);
        TestingFiles.write(project.resolve("dbt_project.yml"), Files.readString(project.resolve("dbt_project.yml"))
                + "on-run-start:\n  - \"insert into main.audit values (1)\"\n");
        Result failed = smelt("build", "--select", "+fine", "--exclude", "resource_type:test");
        assertThat(failed.exitCode()).isNotZero();
        assertThat(FailingShop.statuses(project)).containsOnly(entry("shop-on-run-start-0", "error"));

        execute("create table main.audit (n integer)");
        Result retry = smelt("retry");
        assertThat(retry.exitCode()).as(retry.out() + retry.err()).isZero();
        assertThat(FailingShop.statuses(project)).containsOnly(entry("shop-on-run-start-0", "success"),
                entry("raw_orders", "success"), entry("stg_orders", "success"), entry("fine", "success"));
        assertThat(FailingShop.rows(dir.resolve("shop.duckdb"), "select n from main.fine")).containsExactly("3");
    }

    @Test
    void aFailedSeedIsLoadedAgainBySeed() throws Exception {
        TestingFiles.write(project.resolve("seeds/prices.csv"), "id,price\n1,ten\n");
        TestingFiles.write(project.resolve("seeds/schema.yml"),
                "version: 2\nseeds:\n  - name: prices\n    config:\n      column_types: {price: integer}\n");
        assertThat(smelt("seed").exitCode()).isEqualTo(1);
        assertThat(FailingShop.statuses(project)).containsOnly(entry("raw_orders", "success"), entry("prices", "error"));

        TestingFiles.write(project.resolve("seeds/prices.csv"), "id,price\n1,10\n");
        Result retry = smelt("retry");
        assertThat(retry.exitCode()).as(retry.out() + retry.err()).isZero();
        assertThat(FailingShop.statuses(project)).containsExactly(entry("prices", "success"));
        assertThat(FailingShop.args(project).path("which").asText()).isEqualTo("seed");
        assertThat(FailingShop.rows(dir.resolve("shop.duckdb"), "select price from main.prices")).containsExactly("10");
    }

    @Test
    void aFailedSnapshotIsTakenAgainBySnapshot() throws Exception {
        TestingFiles.write(project.resolve("snapshots/orders_snapshot.sql"), """
                {% snapshot orders_snapshot %}
                {{ config(target_schema='main', unique_key='id', strategy='check', check_cols='all') }}
                select * from main.orders_source
                {% endsnapshot %}
                """);
        assertThat(smelt("snapshot").exitCode()).isEqualTo(1);
        assertThat(FailingShop.statuses(project)).containsOnly(entry("orders_snapshot", "error"));

        execute("create table main.orders_source as select 1 as id, 'a' as name");
        Result retry = smelt("retry");
        assertThat(retry.exitCode()).as(retry.out() + retry.err()).isZero();
        assertThat(FailingShop.statuses(project)).containsOnly(entry("orders_snapshot", "success"));
        assertThat(FailingShop.rows(dir.resolve("shop.duckdb"), "select id, name from main.orders_snapshot")).containsExactly("1|a");
    }

    @Test
    void aFailedCompileIsCompiledAgainByCompile() throws Exception {
        TestingFiles.write(project.resolve("models/looks_up.sql"), """
                {% if execute %}{% set found = run_query('select count(*) from main.lookup') %}{% endif %}
                select 1 as id
                """);
        Result compile = smelt("compile");
        assertThat(compile.exitCode()).isEqualTo(1);
        assertThat(FailingShop.statuses(project)).containsEntry("looks_up", "error").containsEntry("fine", "success");

        execute("create table main.lookup as select 1 as n");
        Result retry = smelt("retry");
        assertThat(retry.exitCode()).as(retry.out() + retry.err()).isZero();
        assertThat(FailingShop.statuses(project)).containsOnly(entry("looks_up", "success"));
        assertThat(FailingShop.args(project).path("which").asText()).isEqualTo("compile");
        assertThat(project.resolve("target/compiled/shop/models/looks_up.sql")).exists();
    }

    @Test
    void aNodeThatIsNoLongerInTheProjectIsLeftOutWithAWarning() throws Exception {
        assertThat(smelt("build").exitCode()).isEqualTo(1);
        Files.delete(project.resolve("models/after_broken.sql"));
        FailingShop.fix(project);

        Result retry = smelt("retry");
        assertThat(retry.exitCode()).as(retry.out() + retry.err()).isZero();
        assertThat(retry.out() + retry.err()).contains("model.shop.after_broken of the previous run is no longer in the project");
        assertThat(FailingShop.statuses(project)).containsOnly(entry("broken", "success"), entry("inc", "success"),
                entry("not_null_broken_id", "pass"));
    }

    @Test
    void aCommandRetryDoesNotRunAgainIsExit2() throws Exception {
        TestingFiles.write(project.resolve("target/run_results.json"), "{\"results\": [], \"args\": {\"which\": \"ls\"}}");
        Result retry = smelt("retry");
        assertThat(retry.exitCode()).isEqualTo(2);
        assertThat(retry.err()).contains("'ls', which retry does not run again").contains("build, run, seed");
    }

    private Result smelt(String... args) {
        return TestingCli.inProject(project, args);
    }

    private void execute(String sql) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("shop.duckdb"))) {
            connection.createStatement().execute(sql);
        }
    }
}
