package io.smelt.cli;

import io.smelt.adapter.testing.TestingProjects;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * One test per kind of bad input (the fixtures under adapters/testing/.../projects/bad): the message,
 * where it points and the exit code, as a user sees them, and never a stack trace.
 */
class TestBadInput {
    @TempDir
    Path dir;

    @Test
    void brokenDbtProjectYaml() {
        Result result = smelt("yaml_syntax", "parse");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("dbt_project.yml:9:4: error:").contains("indentation").contains("hint:");
    }

    @Test
    void brokenSchemaYaml() {
        Result result = smelt("schema_yaml_syntax", "parse");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/schema.yml:10:10: error:");
    }

    @Test
    void unclosedJinjaBlock() {
        Result result = smelt("jinja_syntax", "parse");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/b.sql:3").contains("'if'").contains("endif");
    }

    @Test
    void unclosedJinjaExpression() {
        Result result = smelt("jinja_unclosed_expression", "run");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/b.sql:").contains("'{{' is not closed with '}}'");
        assertThat(result.out()).doesNotContain("OK created");
    }

    @Test
    void unknownMacro() {
        Result result = smelt("unknown_macro", "parse");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/m.sql:3: error: 'no_such_macro' is undefined")
                .contains("hint: no macro, variable or function named 'no_such_macro'");
    }

    @Test
    void aVarWhoseJinjaFailsPointsAtDbtProjectYaml() {
        Result result = smelt("var_render_error", "compile");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("dbt_project.yml:6:1: error: var('last_run'):").contains("no_such_method")
                .doesNotContain("<input>");
    }

    @Test
    void unknownRefSuggestsTheClosestModel() {
        Result result = smelt("unknown_ref", "parse");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/orders.sql:4: error:").contains("'stg_ordrs'")
                .contains("did you mean 'stg_orders'?");
    }

    @Test
    void aDialectSmeltDoesNotReadIsAProjectError() {
        Result result = smelt("unknown_dialect", "parse");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/orders.sql: error: 'postgres' is not a SQL dialect Smelt reads")
                .contains("hint: dialect is one of: duckdb, trino, spark");
    }

    @Test
    void aConstructWithNoTranslationFailsItsModelAtItsLine() {
        Result result = smelt("untranslatable", "build");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out() + result.err()).contains("models/exploded.sql:7")
                .contains("cannot translate lateral view from spark to duckdb: duckdb has no LATERAL VIEW")
                .contains("CROSS JOIN UNNEST");
    }

    @Test
    void exposureDependingOnAnUnknownModel() {
        Result result = smelt("unknown_exposure_ref", "parse");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/exposures.yml:10: error: exposure 'revenue_dashboard' refers to 'ordrs',"
                + " which does not exist").contains("did you mean 'orders'?");
    }

    @Test
    void unknownSource() {
        Result result = smelt("unknown_source", "parse");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/orders.sql:2: error:").contains("did you mean 'shop.orders'?");
    }

    @Test
    void cycleShowsItsPath() {
        Result result = smelt("cycle", "build");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("model.cycle.a → model.cycle.b → model.cycle.c → model.cycle.a")
                .contains("models/b.sql");
        assertThat(result.out()).doesNotContain("OK created");
    }

    @Test
    void duplicateModelNamesBothFiles() {
        Result result = smelt("duplicate_model", "parse");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/marts/orders.sql").contains("models/staging/orders.sql");
    }

    @Test
    void missingTargetListsTheDefinedOnes() {
        Result result = smelt("missing_profile_target", "run", "--target", "prod");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("profiles.yml").contains("no target 'prod'").contains("dev");
        assertThat(dir.resolve("missing_profile_target/target/dev.duckdb")).doesNotExist();
    }

    @Test
    void badSelectorsAreCommandLineErrors() {
        for (String selector : new String[] {"foo:bar", "+", "tag:", "@", "3+", "source:", "config.:view"}) {
            Result result = smelt("bad_selector", "ls", "-s", selector);
            assertThat(result.exitCode()).as(selector).isEqualTo(2);
            assertThat(result.err()).as(selector).contains("error:").contains(selector);
        }
        assertThat(smelt("bad_selector", "ls", "--exclude", "foo:bar").exitCode()).isEqualTo(2);
        assertThat(smelt("bad_selector", "ls", "-s", "tag:nope").exitCode()).isZero();
    }

    @Test
    void aFailedModelExitsOneAndSkipsItsChildren() throws IOException {
        Path project = copy("failing_model");
        assertThat(TestingCli.run(dir, "run", "--project-dir", project.toString()).exitCode()).isZero();
        Files.copy(project.resolve("alt/m_broken.sql"), project.resolve("models/m.sql"), StandardCopyOption.REPLACE_EXISTING);
        Result result = TestingCli.run(dir, "run", "--project-dir", project.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("ERROR creating sql table model").contains("models/m.sql")
                .containsIgnoringCase("no_such_column").contains("SKIP=1");
    }

    @Test
    void aCompilerErrorRaisedAtRunTimeFailsTheModel() throws IOException {
        Path project = dir.resolve("raises");
        Files.createDirectories(project.resolve("models"));
        Files.writeString(project.resolve("dbt_project.yml"), "name: raises\nversion: '1.0'\nconfig-version: 2\n");
        Files.writeString(project.resolve("models/ok.sql"), "select 1 as id\n");
        Files.writeString(project.resolve("models/checked.sql"),
                "select * from {{ ref('ok') }}\n{% if execute %}\n{{ exceptions.raise_compiler_error('ok must not be empty') }}\n{% endif %}\n");
        Result result = TestingCli.run(project, "run", "--project-dir", project.toString());
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).contains("ERROR creating sql view model").contains("ok must not be empty")
                .contains("models/checked.sql").contains("PASS=1");
    }

    @Test
    void secretEnvironmentVariablesStayOutOfModels() throws IOException {
        Path project = dir.resolve("secrets");
        Files.createDirectories(project.resolve("models"));
        Files.writeString(project.resolve("dbt_project.yml"), "name: secrets\nversion: '1.0'\nconfig-version: 2\n");
        Files.writeString(project.resolve("models/leak.sql"), "select '{{ env_var(\"DBT_ENV_SECRET_TOKEN\", \"s3cr3t-default\") }}' as t\n");
        Result result = TestingCli.run(project, "compile", "--project-dir", project.toString());
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/leak.sql:1").contains("reads a secret");
        assertThat(result.out() + result.err()).doesNotContain("s3cr3t-default");
    }

    @Test
    void noStackTraceWithoutDebug() {
        for (String fixture : new String[] {"yaml_syntax", "jinja_syntax", "cycle", "unknown_ref"}) {
            Result result = smelt(fixture, "build");
            assertThat(result.err()).as(fixture).doesNotContain("\tat ").doesNotContain("Exception");
        }
    }

    private Result smelt(String fixture, String... args) {
        return TestingCli.inProject(copy(fixture), args);
    }

    private Path copy(String fixture) {
        Path source = TestingProjects.source("bad/" + fixture);
        Path target = dir.resolve(fixture);
        if (Files.exists(target)) {
            return target;
        }
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                }
                else {
                    Files.copy(file, copy);
                }
            }
        }
        catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return target;
    }
}
