package io.smelt.cli;

import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TestInitCommand {
    @TempDir
    Path dir;

    @Test
    void createsARunnableStarterProject() throws IOException {
        Result result = TestingCli.run(dir, "init", "jaffle");
        assertThat(result.exitCode()).as(result.err()).isZero();
        Path project = dir.resolve("jaffle");
        assertThat(project.resolve("dbt_project.yml")).content().contains("name: 'jaffle'", "  jaffle:").doesNotContain("@project_name@");
        assertThat(project.resolve("models/example/stg_orders.sql")).content().contains("ref('raw_orders')", "cents_to_dollars");
        assertThat(project.resolve("models/example/customer_totals.sql")).content().contains("ref('stg_orders')");
        assertThat(project.resolve("models/example/schema.yml")).content().contains("unique", "not_null");
        assertThat(project.resolve("seeds/raw_orders.csv")).exists();
        assertThat(project.resolve("macros/cents_to_dollars.sql")).content().contains("{% macro cents_to_dollars");
        assertThat(project.resolve("tests/assert_totals_not_negative.sql")).exists();
        assertThat(project.resolve(".gitignore")).content().contains("target/");
        assertThat(project.resolve("analyses")).isDirectory();
        assertThat(project.resolve("snapshots")).isDirectory();
        // no profile: the project runs on the embedded engine
        assertThat(project.resolve("profiles.yml")).doesNotExist();
        assertThat(Files.readString(project.resolve("dbt_project.yml"))).doesNotContainPattern("(?m)^profile:");
        assertThat(result.out()).contains("Your new Smelt project \"jaffle\" was created", "smelt build");
    }

    @Test
    void refusesAnExistingFolder() throws IOException {
        Files.createDirectories(dir.resolve("taken"));
        Files.writeString(dir.resolve("taken/keep.txt"), "mine");
        Result result = TestingCli.run(dir, "init", "taken");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error: folder", "already exists", "hint:");
        assertThat(dir.resolve("taken/dbt_project.yml")).doesNotExist();
        assertThat(dir.resolve("taken/keep.txt")).hasContent("mine");
    }

    @Test
    void refusesAnInvalidName() {
        Result result = TestingCli.run(dir, "init", "my-project");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("'my-project' is not a valid project name");
        assertThat(dir.resolve("my-project")).doesNotExist();
    }

    @Test
    void needsANameWhenNobodyCanBeAsked() {
        Result result = TestingCli.run(dir, "init");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Missing required parameter: 'PROJECT_NAME'");
    }
}
