package io.smelt.cli;

import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** selectors.yml through the command line: rendered as dbt renders it, its default, and bad input (DuckDB). */
class TestSelectorsYml {
    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void writeProject() throws IOException {
        project = TestBadProjectFiles.projectIn(dir, "sel");
        for (String name : List.of("a", "b")) {
            TestBadProjectFiles.write(project, "models/" + name + ".sql", "select 1 as id\n");
        }
        TestBadProjectFiles.write(project, "models/c.sql", "select * from {{ ref('a') }}\n");
        selectors("""
                selectors:
                  - name: by_target
                    definition: "{{ 'a' if target.type == 'duckdb' else 'b' }}"
                  - name: picked
                    default: "{{ env_var('USE_PICKED', 'no') == 'yes' }}"
                    definition:
                      method: fqn
                      value: "{{ var('pick', 'c') }}"
                      parents: true
                """);
    }

    @Test
    void theFileIsRenderedWithTargetEnvVarAndVars() {
        assertThat(ls(Map.of(), "--selector", "by_target")).containsExactly("a");
        assertThat(ls(Map.of(), "--selector", "picked")).containsExactly("a", "c");
        assertThat(ls(Map.of(), "--selector", "picked", "--vars", "{pick: b}")).containsExactly("b");
    }

    @Test
    void theDefaultAppliesOnlyWithoutSelectOrExclude() {
        assertThat(ls(Map.of())).containsExactly("a", "b", "c");
        Map<String, String> env = Map.of("USE_PICKED", "yes");
        assertThat(ls(env)).containsExactly("a", "c");
        assertThat(ls(env, "-s", "b")).containsExactly("b");
        assertThat(ls(env, "--exclude", "a")).containsExactly("b", "c");
        Result run = TestingCli.inProject(project, env, "run");
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
        assertThat(run.out()).contains("Using default selector picked").contains("PASS=2");
        assertThat(TestingCli.inProject(project, env, "run", "-s", "b").out()).doesNotContain("default selector");
    }

    @Test
    void badInputIsExitTwoWithTheFileAndLine() throws IOException {
        assertBad("selectors:\n  - name: x\n    definition:\n      method: tagg\n      value: y\n",
                "selectors.yml:4:7", "selector 'tagg:y' uses an unknown method 'tagg'");
        assertBad("selectors:\n  - name: x\n    definition: a\n    default: true\n  - name: y\n    definition: b\n    default: true\n",
                "selectors.yml:7:14", "selectors 'x' and 'y' are both default: true");
        assertBad("selectors:\n  - name: x\n    definition:\n      method: selector\n      value: z\n",
                "selectors.yml:4:7", "selectors.yml has no selector 'z'");
        assertBad("selectors:\n  - name: x\n    definition: \"{{ env_var('NOT_SET_ANYWHERE') }}\"\n",
                "selectors.yml:3:17", "environment variable 'NOT_SET_ANYWHERE' is not set");
        assertBad("selectors:\n  - name: x\n    definition: [a\n", "selectors.yml:", "");
    }

    private void assertBad(String text, String at, String message) throws IOException {
        selectors(text);
        Result result = TestingCli.inProject(project, "ls");
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err()).contains(at).contains(message).doesNotContain("Exception");
    }

    private void selectors(String text) throws IOException {
        TestBadProjectFiles.write(project, "selectors.yml", text);
    }

    private List<String> ls(Map<String, String> environment, String... args) {
        return TestingCli.lsNames(project, environment, args);
    }
}
