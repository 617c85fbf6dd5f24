package io.smelt.compiler.project;

import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TestProjectLoader {
    private static final Map<String, String> ENV = Map.of("SMELT_TEST_SCHEMA", "analytics");

    private static DbtProject load(String fixture, Map<String, String> env) {
        return ProjectLoader.load(Fixtures.dir(fixture), Map.of(), env, new TestingYamlRenderer(env));
    }

    private static Diagnostic failure(String fixture) {
        return catchThrowableOfType(SmeltException.class, () -> load(fixture, ENV)).first();
    }

    @Test
    void readsEverySetting() {
        DbtProject project = load("full", ENV);

        assertThat(project.name()).isEqualTo("jaffle_shop");
        assertThat(project.version()).isEqualTo("1.0.0");
        assertThat(project.configVersion()).isEqualTo(2);
        assertThat(project.profile()).isEqualTo("jaffle");
        assertThat(project.file()).isEqualTo(Path.of("dbt_project.yml"));
        assertThat(project.modelPaths()).containsExactly("models", "more_models");
        assertThat(project.seedPaths()).containsExactly("data");
        assertThat(project.macroPaths()).containsExactly("macros");
        assertThat(project.testPaths()).containsExactly("tests");
        assertThat(project.snapshotPaths()).containsExactly("snapshots");
        assertThat(project.analysisPaths()).containsExactly("analyses");
        assertThat(project.docsPaths()).containsExactly("models", "more_models", "data", "snapshots", "analyses", "macros");
        assertThat(project.assetPaths()).isEmpty();
        assertThat(project.targetPath()).isEqualTo("build");
        assertThat(project.targetDir()).isEqualTo(Fixtures.dir("full").resolve("build"));
        assertThat(project.logPath()).isEqualTo("logs");
        assertThat(project.packagesInstallPath()).isEqualTo("dbt_packages");
        assertThat(project.cleanTargets()).containsExactly("build", "dbt_packages");
        assertThat(project.requireDbtVersion()).containsExactly(">=1.5.0", "<2.0.0");
        assertThat(project.dispatch()).containsExactly(Map.entry("dbt_utils", List.of("jaffle_shop", "dbt_utils")));
        assertThat(project.quoting()).containsExactly(Map.entry("database", false), Map.entry("identifier", "true"));
        assertThat(project.flags()).containsEntry("send_anonymous_usage_stats", false);
        assertThat(project.positionOf("models")).isEqualTo(new SourcePosition(Path.of("dbt_project.yml"), 43, 1));
    }

    @Test
    void keepsHooksVarsAndQueryCommentRaw() {
        DbtProject project = load("full", ENV);

        assertThat(project.onRunStart()).containsExactly("create schema if not exists {{ target.schema }}_audit");
        assertThat(project.onRunEnd()).containsExactly("grant usage on schema {{ target.schema }} to role reporter",
                "{{ log('done', info=True) }}");
        assertThat(project.queryComment()).isEqualTo(Map.of("comment", "run by {{ target.user }}", "append", true));
        assertThat(project.vars()).containsEntry("templated", "{{ env_var('NOT_RENDERED_NOW') }}")
                .containsEntry("start_date", "2024-01-01")
                .containsEntry("my_pkg", Map.of("pkg_limit", 5));
    }

    @Test
    void rendersConfigTreesButNotTheirHooks() {
        DbtProject project = load("full", ENV);

        Map<String, Object> models = project.configTree("models");
        assertThat(models).containsEntry("+persist_docs", Map.of("relation", true));
        @SuppressWarnings("unchecked")
        Map<String, Object> jaffle = (Map<String, Object>) models.get("jaffle_shop");
        assertThat(jaffle).containsEntry("+materialized", "table")
                .containsEntry("+schema", "analytics")
                .containsEntry("+pre-hook", "insert into audit values ('{{ this }}')");
        assertThat(project.configTree("data_tests")).containsEntry("+severity", "warn");
        assertThat(project.configTree("snapshots")).isEmpty();
        assertThat(project.configTree("tests")).isEmpty();
        assertThat(project.configTrees()).containsOnlyKeys("models", "seeds", "sources", "data_tests", "snapshots");
    }

    @Test
    void warnsAboutUnknownKeys() {
        DbtProject project = load("full", ENV);

        assertThat(project.warnings()).extracting(YamlWarning::format).containsExactly(
                "dbt_project.yml:67:1: warning: unknown key 'unknown-setting' in dbt_project.yml is ignored",
                "dbt_project.yml:68:1: warning: unknown key 'modle-paths' in dbt_project.yml is ignored; did you mean 'model-paths'?");
    }

    @Test
    void appliesDefaults() {
        DbtProject project = load("minimal", Map.of());

        assertThat(project.name()).isEqualTo("minimal_project");
        assertThat(project.version()).isNull();
        assertThat(project.configVersion()).isNull();
        assertThat(project.modelPaths()).containsExactly("models");
        assertThat(project.seedPaths()).containsExactly("seeds");
        assertThat(project.macroPaths()).containsExactly("macros");
        assertThat(project.testPaths()).containsExactly("tests");
        assertThat(project.snapshotPaths()).containsExactly("snapshots");
        assertThat(project.analysisPaths()).containsExactly("analyses");
        assertThat(project.docsPaths()).containsExactly("models", "seeds", "snapshots", "analyses", "macros");
        assertThat(project.targetPath()).isEqualTo("target");
        assertThat(project.logPath()).isEqualTo("logs");
        assertThat(project.packagesInstallPath()).isEqualTo("dbt_packages");
        assertThat(project.cleanTargets()).containsExactly("target");
        assertThat(project.vars()).isEmpty();
        assertThat(project.configTrees()).isEmpty();
        assertThat(project.onRunStart()).isEmpty();
        assertThat(project.dispatch()).isEmpty();
        assertThat(project.queryComment()).isNull();
        assertThat(project.warnings()).isEmpty();
    }

    @Test
    void environmentOverridesTargetAndLogPath() {
        DbtProject project = load("minimal", Map.of("DBT_TARGET_PATH", "/tmp/out", "DBT_LOG_PATH", "my_logs"));

        assertThat(project.targetPath()).isEqualTo("/tmp/out");
        assertThat(project.logPath()).isEqualTo("my_logs");
    }

    @Test
    void missingFileSuggestsInit() {
        Path dir = Fixtures.dir("missing");
        Diagnostic error = failure("missing");

        assertThat(error.kind()).isEqualTo(ErrorKind.PROJECT);
        assertThat(error.at()).isEqualTo(SourcePosition.of(dir.resolve("dbt_project.yml")));
        assertThat(error.message()).isEqualTo("no dbt_project.yml in " + dir);
        assertThat(error.hint()).contains("smelt init");
    }

    @Test
    void missingFolder() {
        Path dir = Fixtures.dir("missing").resolve("nope");
        assertThatThrownBy(() -> ProjectLoader.load(dir, Map.of(), Map.of(), YamlRenderer.NONE))
                .isInstanceOf(SmeltException.class)
                .hasMessageContaining("the project folder " + dir + " does not exist");
    }

    @Test
    void syntaxErrorHasFileLineAndColumn() {
        Diagnostic error = failure("bad_syntax");

        assertThat(error.kind()).isEqualTo(ErrorKind.YAML);
        assertThat(error.at()).isEqualTo(new SourcePosition(Path.of("dbt_project.yml"), 6, 4));
        assertThat(error.message()).startsWith("this line's indentation does not match the lines around it");
        assertThat(error.hint()).contains("same column");
        assertThat(error.format()).doesNotContain("org.yaml", "Exception");
    }

    @Test
    void wrongTypeNamesWhatWasExpected() {
        Diagnostic error = failure("wrong_type");

        assertThat(error.kind()).isEqualTo(ErrorKind.PROJECT);
        assertThat(error.at()).isEqualTo(new SourcePosition(Path.of("dbt_project.yml"), 3, 14));
        assertThat(error.message()).isEqualTo("model-paths: expected a list of folder names, found the number 3");
    }

    @Test
    void projectNameMustBeAnIdentifier() {
        Diagnostic error = failure("bad_name");

        assertThat(error.kind()).isEqualTo(ErrorKind.PROJECT);
        assertThat(error.at()).isEqualTo(new SourcePosition(Path.of("dbt_project.yml"), 1, 7));
        assertThat(error.message()).contains("'my-project' is not a valid name");
        assertThat(error.hint()).contains("my_project");
    }

    @Test
    void renamedKeysAreErrors() {
        Diagnostic error = failure("renamed_key");

        assertThat(error.at()).isEqualTo(new SourcePosition(Path.of("dbt_project.yml"), 2, 1));
        assertThat(error.message()).isEqualTo("'source-paths' was renamed to 'model-paths' in dbt 1.0");
    }

    @Test
    void unquotedJinjaGetsAHint() {
        Diagnostic error = failure("unquoted_jinja");

        assertThat(error.kind()).isEqualTo(ErrorKind.PROJECT);
        assertThat(error.at()).isEqualTo(new SourcePosition(Path.of("dbt_project.yml"), 2, 14));
        assertThat(error.message()).isEqualTo("target-path: expected a folder name, found a mapping");
        assertThat(error.hint()).isEqualTo("put Jinja values in quotes, such as key: \"{{ env_var('NAME') }}\"");
    }
}
