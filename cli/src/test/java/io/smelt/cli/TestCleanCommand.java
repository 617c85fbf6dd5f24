package io.smelt.cli;

import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class TestCleanCommand {
    @TempDir
    Path dir;

    @Test
    void deletesTheCleanTargets() throws IOException {
        Files.writeString(dir.resolve("dbt_project.yml"), """
                name: 'cleanable'
                version: '1.0.0'
                config-version: 2
                clean-targets: ["target", "dbt_packages"]
                """);
        Files.createDirectories(dir.resolve("target/compiled/cleanable"));
        Files.writeString(dir.resolve("target/compiled/cleanable/x.sql"), "select 1");
        Files.createDirectories(dir.resolve("dbt_packages/pkg"));
        Files.createDirectories(dir.resolve("models"));

        Result result = TestingCli.run(dir, "clean");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("Running with smelt=", "Cleaned target", "Cleaned dbt_packages", "Finished cleaning all paths.");
        assertThat(dir.resolve("target")).doesNotExist();
        assertThat(dir.resolve("dbt_packages")).doesNotExist();
        assertThat(dir.resolve("models")).isDirectory();
    }

    @Test
    void refusesTargetsOutsideTheProject() throws IOException {
        Path project = Files.createDirectories(dir.resolve("p"));
        Path outside = Files.createDirectories(dir.resolve("precious"));
        Files.writeString(project.resolve("dbt_project.yml"), """
                name: 'p'
                version: '1.0.0'
                config-version: 2
                clean-targets: ["../precious"]
                """);

        Result result = TestingCli.run(dir, "clean", "--project-dir", "p");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("dbt_project.yml", "error:", "outside the project");
        assertThat(outside).isDirectory();
    }

    @Test
    void noProjectIsAnError() {
        Result result = TestingCli.run(dir, "clean");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("error:").doesNotContain("\tat ");
    }
}
