package io.smelt.compiler.project;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class TestVars {
    private static final Map<String, String> ENV = Map.of("SMELT_TEST_SCHEMA", "analytics");

    private static Vars vars(Map<String, Object> cliVars) {
        DbtProject root = ProjectLoader.load(Fixtures.dir("full"), cliVars, ENV, new TestingYamlRenderer(ENV));
        return Vars.of(cliVars, root, PackageFinder.find(root, new TestingYamlRenderer(ENV)));
    }

    @Test
    void rootNodesSeeRootVarsThenCliVars() {
        Map<String, Object> vars = vars(Map.of("start_date", "2025-06-01")).forPackage("jaffle_shop");

        assertThat(vars).containsEntry("start_date", "2025-06-01")
                .containsEntry("templated", "{{ env_var('NOT_RENDERED_NOW') }}")
                .doesNotContainKeys("pkg_only", "pkg_limit");
    }

    @Test
    void packageNodesSeeTheirOwnVarsUnderTheRootProjects() {
        Map<String, Object> vars = vars(Map.of()).forPackage("my_pkg");

        assertThat(vars).containsEntry("pkg_only", "own")
                .containsEntry("pkg_limit", 5)
                .containsEntry("start_date", "2024-01-01");
    }

    @Test
    void cliVarsWinEverywhere() {
        assertThat(vars(Map.of("pkg_limit", 1)).forPackage("my_pkg")).containsEntry("pkg_limit", 1);
    }

    @Test
    void parsesCliVars() {
        assertThat(Vars.parseCliVars("{start_date: '2024-01-01', limit: 10, on: true, list: [1, 2]}"))
                .containsExactly(Map.entry("start_date", "2024-01-01"), Map.entry("limit", 10), Map.entry("on", true),
                        Map.entry("list", List.of(1, 2)));
        assertThat(Vars.parseCliVars("key: value")).containsExactly(Map.entry("key", "value"));
        assertThat(Vars.parseCliVars("  ")).isEmpty();
    }

    @Test
    void cliVarsMustBeAMapping() {
        SmeltException error = catchThrowableOfType(SmeltException.class, () -> Vars.parseCliVars("[1, 2]"));

        assertThat(error.first().kind()).isEqualTo(ErrorKind.COMMAND_LINE);
        assertThat(error.first().message()).isEqualTo("--vars must be a mapping of names to values, found a list");
    }

    @Test
    void cliVarsSyntaxError() {
        SmeltException error = catchThrowableOfType(SmeltException.class, () -> Vars.parseCliVars("{a: 1"));

        assertThat(error.first().kind()).isEqualTo(ErrorKind.COMMAND_LINE);
        assertThat(error.first().message()).startsWith("--vars is not valid YAML: ");
    }
}
