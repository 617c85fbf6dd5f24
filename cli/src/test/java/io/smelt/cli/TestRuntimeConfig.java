package io.smelt.cli;

import io.smelt.adapter.testing.TestingProjects;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dbt's RuntimeConfig as packages reach it through {@code builtins.ref.config} (elementary's and
 * tuva's {@code get_runtime_config()}): each project's version under {@code dependencies}, the root's
 * name, its vars as written ({@code vars.to_dict()}), {@code cli_vars} and {@code args}.
 */
class TestRuntimeConfig {
    @TempDir
    Path dir;

    @Test
    void refCarriesTheRuntimeConfigPackagesRead() throws IOException {
        Path project = dir.resolve("shop");
        write(project.resolve("dbt_project.yml"), """
                name: shop
                version: '1.4.0'
                config-version: 2
                profile: shop
                vars:
                  region: north
                """);
        TestingProjects.writeProfile(project, Map.of("type", "duckdb", "path", dir.resolve("shop.duckdb").toString()));
        Path pkg = project.resolve("dbt_packages/tracker");
        write(pkg.resolve("dbt_project.yml"), """
                name: tracker
                version: '0.18.4'
                config-version: 2
                """);
        write(pkg.resolve("macros/runtime.sql"), """
                {% macro get_runtime_config() %}{{ return(builtins.ref.config) }}{% endmacro %}
                """);
        write(project.resolve("models/versions.sql"), """
                {% set conf = tracker.get_runtime_config() %}
                select '{{ conf.dependencies["tracker"].version }}' as tracker_version,
                       '{{ conf.dependencies["shop"].version }}' as shop_version,
                       '{{ conf.project_name }}' as project_name,
                       '{{ conf.vars.to_dict()["region"] }}' as region,
                       '{{ conf.cli_vars["run_label"] }}' as run_label,
                       '{{ conf.args.which }}' as which,
                       {{ conf.args.select is not defined and conf.credentials is not defined }} as missing_undefined
                """);

        Result result = TestingCli.inProject(project, "compile", "--vars", "{run_label: nightly}");

        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        String compiled = Files.readString(project.resolve("target/compiled/shop/models/versions.sql"));
        assertThat(compiled).contains("'0.18.4' as tracker_version", "'1.4.0' as shop_version", "'shop' as project_name",
                "'north' as region", "'nightly' as run_label", "'compile' as which", "True as missing_undefined");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
