package io.smelt.cli;

import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

/** {@code result:} selectors against the run_results.json of {@code --state}, as dbt's ResultSelectorMethod. */
class TestResultSelector {
    @TempDir
    static Path dir;

    static Path project;
    static Path previous;

    @BeforeAll
    static void buildOnceWithEveryStatus() throws Exception {
        project = FailingShop.write(dir);
        Result build = TestingCli.inProject(project, "build", "--vars", "{max_orders: 2}");
        assertThat(build.exitCode()).as(build.out() + build.err()).isEqualTo(1);
        assertThat(FailingShop.statuses(project)).contains(entry("raw_orders", "success"), entry("broken", "error"),
                entry("after_broken", "skipped"), entry("not_null_fine_n", "pass"), entry("no_big_count", "fail"),
                entry("few_orders", "warn"));
        previous = Files.createDirectories(dir.resolve("prod"));
        Files.copy(project.resolve("target/run_results.json"), previous.resolve("run_results.json"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void eachStatusSelectsTheNodesThatHadIt() {
        assertThat(ls("result:error")).as("and, as dbt's eager indirect selection, the tests of what it selects")
                .containsExactly("broken", "not_null_broken_id");
        assertThat(ls("result:error", "--resource-type", "model")).containsExactly("broken");
        assertThat(ls("result:skipped")).containsExactlyInAnyOrder("after_broken", "inc", "not_null_broken_id");
        assertThat(ls("result:success", "--resource-type", "model", "seed")).containsExactlyInAnyOrder("raw_orders", "stg_orders", "fine");
        assertThat(ls("result:pass")).containsExactly("not_null_fine_n");
        assertThat(ls("result:fail")).containsExactly("no_big_count");
        assertThat(ls("result:warn")).containsExactly("few_orders");
    }

    @Test
    void graphOperatorsAndSetOperationsApply() {
        assertThat(ls("result:error+")).containsExactlyInAnyOrder("broken", "after_broken", "inc", "not_null_broken_id");
        assertThat(ls("+result:fail")).containsExactlyInAnyOrder("raw_orders", "stg_orders", "fine", "no_big_count",
                "few_orders", "not_null_fine_n");
        assertThat(ls("result:skipped,resource_type:test")).containsExactly("not_null_broken_id");
        assertThat(ls("result:error+", "--exclude", "result:skipped")).containsExactly("broken");
        assertThat(ls("result:error", "result:fail")).containsExactlyInAnyOrder("broken", "not_null_broken_id", "no_big_count");
    }

    @Test
    void anUnknownStatusIsExit2ListingTheStatuses() {
        Result result = TestingCli.inProject(project, "ls", "--select", "result:errored", "--state", previous.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("result:errored").contains("success, error, fail, warn, skipped, pass");
    }

    @Test
    void withoutStateOrWithoutItsRunResultsItIsExit2() throws Exception {
        Result none = TestingCli.inProject(project, "ls", "--select", "result:error");
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("no state was given").contains("--state");

        Path empty = Files.createDirectories(dir.resolve("empty"));
        Result missing = TestingCli.inProject(project, "build", "--select", "result:error", "--state", empty.toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("has no run_results.json");
    }

    @Test
    void aRunOverResultErrorRunsOnlyThatNode() throws Exception {
        Result result = TestingCli.inProject(project, "run", "--select", "result:error", "--state", previous.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(FailingShop.statuses(project)).containsExactly(entry("broken", "error"));
    }

    private static List<String> ls(String... selectors) {
        String[] args = new String[selectors.length + 6];
        args[0] = "ls";
        args[1] = "--output";
        args[2] = "name";
        args[3] = "--state";
        args[4] = previous.toString();
        args[5] = "--select";
        System.arraycopy(selectors, 0, args, 6, selectors.length);
        Result result = TestingCli.inProject(project, args);
        assertThat(result.exitCode()).as(result.err()).isZero();
        return Arrays.stream(result.out().split("\n")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
