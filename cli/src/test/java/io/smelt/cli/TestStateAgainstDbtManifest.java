package io.smelt.cli;

import io.smelt.adapter.testing.TestingProjects;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code state:} against a manifest in dbt-core's v12 shape (the {@code state_dbt} fixture's
 * {@code dbt-state/manifest.json}, whose README lists what changed since it was written).
 */
class TestStateAgainstDbtManifest {
    @TempDir
    Path dir;
    Path project;
    Path state;

    @BeforeEach
    void copy() {
        project = TestingProjects.copy("state_dbt", dir, Map.of("type", "duckdb", "path", dir.resolve("ci.duckdb").toString()));
        state = project.resolve("dbt-state");
    }

    @Test
    void selectsWhatChangedAndNothingElse() {
        assertThat(selected("state:modified")).containsExactlyInAnyOrder("state_dbt.changed", "state_dbt.discounted",
                "state_dbt.staging_cfg.configured", "state_dbt.new_model");
        assertThat(selected("state:new")).containsExactly("state_dbt.new_model");
        assertThat(selected("state:modified.body")).containsExactlyInAnyOrder("state_dbt.changed", "state_dbt.new_model");
        assertThat(selected("state:modified.macros")).containsExactly("state_dbt.discounted");
        assertThat(selected("state:modified.configs")).containsExactlyInAnyOrder("state_dbt.staging_cfg.configured", "state_dbt.new_model");
        assertThat(selected("state:modified.relation")).containsExactly("state_dbt.new_model");
        assertThat(selected("state:unmodified")).containsExactlyInAnyOrder("state_dbt.raw_orders", "state_dbt.stg_orders",
                "state_dbt.marts.orders", "state_dbt.marts.customers", "state_dbt.incr");
        assertThat(selected("state:modified+")).containsExactlyInAnyOrder("state_dbt.changed", "state_dbt.discounted",
                "state_dbt.staging_cfg.configured", "state_dbt.new_model");
    }

    @Test
    void varsAreNotComparedWithoutSmeltsSidecar() throws IOException {
        TestingFiles.write(project.resolve("models/stg_orders.sql"), "select id, amount from {{ ref('raw_orders') }} limit {{ var('n', 5) }}\n");
        TestingFiles.replace(project.resolve("dbt_project.yml"), "models:", "vars:\n  n: 7\nmodels:");
        Result explained = TestingCli.inProject(project, "ls", "--select", "state:modified", "--state", state.toString(), "--explain");
        assertThat(explained.exitCode()).as(explained.err()).isZero();
        assertThat(explained.out()).contains("state_dbt.stg_orders").contains("modified: body: the code of models/stg_orders.sql changed")
                .doesNotContain("vars:");
    }

    private List<String> selected(String selector) {
        Result result = TestingCli.inProject(project, "ls", "--select", selector, "--state", state.toString());
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.out().lines().filter(line -> !line.isBlank()).toList();
    }
}
