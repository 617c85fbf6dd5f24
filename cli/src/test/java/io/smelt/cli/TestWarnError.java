package io.smelt.cli;

import io.smelt.adapter.testing.TestingProjects;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** --warn-error and --warn-error-options on the jaffle_shop fixture: warnings that become errors, stay warnings, or go quiet. */
class TestWarnError {
    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void copy() throws Exception {
        project = TestingProjects.copy("jaffle_shop", dir, Map.of("type", "duckdb", "path", dir.resolve("j.duckdb").toString()));
        Path schema = project.resolve("models/marts/schema.yml");
        // a warn-severity test that finds one value it does not accept
        TestingFiles.replace(schema,
                "          - accepted_values:\n              values: ['placed', 'shipped', 'completed', 'return_pending', 'returned']",
                "          - accepted_values:\n              values: ['placed', 'shipped', 'completed', 'return_pending']\n"
                        + "              config:\n                severity: warn");
        assertThat(smelt("build", "--exclude", "resource_type:test").exitCode()).isZero();
    }

    @Test
    void aWarningTestFailsUnderWarnErrorAndItsOptions() {
        Result plain = smelt("test", "-s", "orders");
        assertThat(plain.exitCode()).as(plain.out()).isZero();
        assertThat(plain.out()).contains("WARN 1 accepted_values_orders_");

        Result strict = smelt("test", "-s", "orders", "--warn-error");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).contains("FAIL 1 accepted_values_orders_");

        assertThat(smelt("--warn-error-options", "{\"error\": [\"LogTestResult\"]}", "test", "-s", "orders").exitCode()).isEqualTo(1);
        assertThat(smelt("test", "-s", "orders", "--warn-error-options", "{error: all, warn: [LogTestResult]}").exitCode()).isZero();
        assertThat(smelt("test", "-s", "orders", "--warn-error-options", "{include: [NoNodesForSelectionCriteria]}").exitCode()).isZero();
    }

    @Test
    void aSelectorThatMatchesNothingWarnsFailsOrIsSilenced() {
        Result plain = smelt("run", "-s", "no_such_model");
        assertThat(plain.exitCode()).isZero();
        assertThat(plain.out() + plain.err()).contains("does not match any enabled nodes");

        Result strict = smelt("run", "-s", "no_such_model", "--warn-error");
        assertThat(strict.exitCode()).isEqualTo(2);
        assertThat(strict.err()).contains("does not match any enabled nodes").contains("NoNodesForSelectionCriteria");

        Result quiet = smelt("run", "-s", "no_such_model", "--warn-error-options", "{silence: [NoNodesForSelectionCriteria]}");
        assertThat(quiet.exitCode()).isZero();
        assertThat(quiet.out() + quiet.err()).doesNotContain("does not match any enabled nodes");
    }

    @Test
    void exceptionsWarnFailsItsModelUnderWarnError() throws Exception {
        Files.writeString(project.resolve("models/warned.sql"), "{% do exceptions.warn('numbers look low') %}\nselect 1 as n\n");
        Result plain = smelt("run", "-s", "warned");
        assertThat(plain.exitCode()).isZero();
        assertThat(plain.out() + plain.err()).contains("numbers look low");
        Result strict = smelt("run", "-s", "warned", "--warn-error-options", "{error: [JinjaLogWarning]}");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).contains("ERROR").contains("numbers look low");
    }

    @Test
    void badOptionsAreACommandLineError() {
        Result bad = smelt("test", "--warn-error-options", "{errors: all}");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--warn-error-options has 'errors'").contains("LogTestResult");
    }

    private Result smelt(String... args) {
        return TestingCli.inProject(project, args);
    }
}
