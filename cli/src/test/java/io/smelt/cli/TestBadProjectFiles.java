package io.smelt.cli;

import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Broken projects written by each test: a clear error at the file and line (exit 2), never a crash
 * and never a run that silently does something else.
 */
class TestBadProjectFiles {
    @TempDir
    Path dir;

    @Test
    void endlessMacroRecursionIsAJinjaError() throws IOException {
        Path project = project("recursion");
        write(project, "macros/loop.sql", "{% macro ping(n) %}{{ pong(n) }}{% endmacro %}\n\n"
                + "{% macro pong(n) %}\n{{ ping(n + 1) }}{% endmacro %}\n");
        write(project, "models/m.sql", "select {{ ping(1) }} as id\n");
        Result result = TestingCli.inProject(project, "build");
        assertThat(result.exitCode()).isEqualTo(2);
        // where the stack runs out varies from run to run: in ping (line 1) or in pong (line 4)
        assertThat(result.err()).containsPattern("macros/loop.sql:(1: error: maximum recursion depth exceeded in macro 'ping'"
                        + "|4: error: maximum recursion depth exceeded in macro 'pong')")
                .contains("called from macro recursion.pong (macros/loop.sql:4)")
                .doesNotContain("StackOverflow").doesNotContain("\tat ");
    }

    @Test
    void deepFiniteRecursionStillRenders() throws IOException {
        Path project = project("deep");
        write(project, "macros/count.sql",
                "{% macro count_down(n) %}{% if n > 0 %}{{ count_down(n - 1) }}{% else %}{{ 7 }}{% endif %}{% endmacro %}\n");
        write(project, "models/m.sql", "select {{ count_down(200) }} as id\n");
        Result result = TestingCli.inProject(project, "build");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(Files.readString(project.resolve("target/compiled/deep/models/m.sql"))).contains("select 7 as id");
    }

    @Test
    void aProfilesFileWithoutTheProfileStopsTheRun() throws IOException {
        Path project = project("no_profile", "profile: warehouse\n");
        write(project, "models/m.sql", "select 1 as id\n");
        write(project, "profiles.yml", "warehous:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n");
        Result result = TestingCli.inProject(project, "build");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("profiles.yml: error: profiles.yml has no profile 'warehouse'")
                .contains("its profiles are: warehous").contains("did you mean 'warehous'?");
        assertThat(project.resolve("target/warehouse.duckdb")).doesNotExist();

        write(project, "profiles.yml", "");
        result = TestingCli.inProject(project, "build");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("it is empty");
    }

    @Test
    void aBadProfileFieldIsReportedAtItsLine() throws IOException {
        Path project = project("bad_field", "profile: p\n");
        write(project, "models/m.sql", "select 1 as id\n");
        write(project, "profiles.yml", "p:\n  target: dev\n  outputs:\n    dev:\n      type: duckdb\n      threads: many\n");
        Result result = TestingCli.inProject(project, "run");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("profiles.yml:6:16: error: target 'dev' of profile 'p': profile field 'threads'");

        write(project, "profiles.yml", "p:\n  target: dev\n  outputs:\n    dev:\n      type: duckdbb\n");
        result = TestingCli.inProject(project, "run");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("profiles.yml:5:13: error: profile 'p' target 'dev' has type 'duckdbb'");
    }

    @Test
    void enabledThatIsNotABooleanIsAnErrorAtItsLine() throws IOException {
        Path project = project("flags", "models:\n  flags:\n    +enabled: 'yes'\n");
        write(project, "models/m.sql", "select 1 as id\n");
        Result result = TestingCli.inProject(project, "run");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("dbt_project.yml:6:15: error: config enabled must be true or false, got 'yes'");

        project = project("flags2");
        write(project, "models/m.sql", "select 1 as id\n");
        write(project, "models/schema.yml", "version: 2\nmodels:\n  - name: m\n    config:\n      enabled: 'no'\n");
        result = TestingCli.inProject(project, "run");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/schema.yml:5:16: error: config enabled must be true or false, got 'no'");

        project = project("flags3");
        write(project, "models/m.sql", "{{ config(enabled='off') }}\nselect 1 as id\n");
        result = TestingCli.inProject(project, "run");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/m.sql:1: error: config enabled must be true or false, got 'off'");
    }

    @Test
    void enabledAsABooleanOrAJinjaConditionStillWorks() throws IOException {
        Path project = project("conditions", "models:\n  conditions:\n    off_by_target:\n"
                + "      +enabled: \"{{ var('in_prod', 1 == 2) }}\"\n    on:\n      +enabled: yes\n");
        write(project, "models/off_by_target/a.sql", "select 1 as id\n");
        write(project, "models/on/b.sql", "select 1 as id\n");
        write(project, "models/c.sql", "{{ config(enabled=(target.name == 'dev')) }}\nselect 1 as id\n");
        write(project, "models/d.sql", "{{ config(enabled='False') }}\nselect 1 as id\n");
        Result result = TestingCli.inProject(project, "ls", "--output", "name");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().filter(l -> !l.isBlank()).toList()).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void invalidUtf8IsReportedAtItsLine() throws IOException {
        Path project = project("latin1");
        Files.write(project.resolve("models/m.sql"), "select 1 as id\n-- caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
        Result result = TestingCli.inProject(project, "parse");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/m.sql:2:7: error: the file is not valid UTF-8 (byte 0xE9)")
                .doesNotContain("Input length");

        Files.writeString(project.resolve("models/m.sql"), "select 1 as id\n");
        Files.write(project.resolve("models/schema.yml"),
                "version: 2\nmodels:\n  - name: m\n    description: na\u00efve\n".getBytes(StandardCharsets.ISO_8859_1));
        result = TestingCli.inProject(project, "parse");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/schema.yml:4:20: error: the file is not valid UTF-8 (byte 0xEF)");
    }

    @Test
    void brokenAndLoopingSymbolicLinksAreSkippedWithAWarning() throws IOException {
        Path project = project("links");
        write(project, "models/m.sql", "select 1 as id\n");
        write(project, "elsewhere/shared.sql", "select 2 as id\n");
        Files.createSymbolicLink(project.resolve("models/gone.sql"), Path.of("missing.sql"));
        Files.createDirectories(project.resolve("models/sub"));
        Files.createSymbolicLink(project.resolve("models/sub/up"), Path.of(".."));
        Files.createSymbolicLink(project.resolve("models/linked"), project.resolve("elsewhere"));
        Result result = TestingCli.inProject(project, "ls", "--output", "name");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out() + result.err())
                .contains("models/gone.sql: skipped: a symbolic link to missing.sql, which does not exist")
                .contains("models/sub/up: skipped: a symbolic link that leads back into a folder above it (a loop)");
        assertThat(result.out().lines().filter(l -> l.equals("m") || l.equals("shared")).toList()).containsExactly("m", "shared");
    }

    @Test
    void aModelDescribedTwiceIsAnErrorAtTheSecondEntry() throws IOException {
        Path project = project("twice");
        write(project, "models/m.sql", "select 1 as id\n");
        write(project, "models/schema.yml", "version: 2\nmodels:\n  - name: m\n    description: one\n  - name: m\n");
        Result result = TestingCli.inProject(project, "parse");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/schema.yml:5:5: error: model 'm' is described a second time in this file;"
                + " the first entry is at models/schema.yml:3:5");

        write(project, "models/schema.yml", "version: 2\nmodels:\n  - name: m\n");
        write(project, "models/more.yml", "version: 2\nmodels:\n  - name: m\n");
        result = TestingCli.inProject(project, "parse");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("model 'm' is described a second time; the first entry is at models/");
    }

    @Test
    void anEmptySeedOrARaggedRowIsAnErrorBeforeAnythingRuns() throws IOException {
        Path project = project("seeds");
        write(project, "seeds/empty.csv", "");
        Result result = TestingCli.inProject(project, "build");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("seeds/empty.csv: error: the seed file is empty");

        Files.delete(project.resolve("seeds/empty.csv"));
        write(project, "seeds/ragged.csv", "id,name\n1,\"a, \"\"quoted\"\"\nname\"\n2,b\n3\n");
        result = TestingCli.inProject(project, "build");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("seeds/ragged.csv:5: error: this row has 1 field, but the header has 2");

        write(project, "seeds/ragged.csv", "id,name\n1,a,extra\n");
        result = TestingCli.inProject(project, "seed");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("seeds/ragged.csv:2: error: this row has 3 fields, but the header has 2");

        write(project, "seeds/ragged.csv", "id,name\n1,\"a, b\"\n\n2,c\n");
        result = TestingCli.inProject(project, "seed");
        assertThat(result.exitCode()).as(result.err()).isZero();
    }

    @Test
    void selectorsYmlIsReadForSelectorAndItsDefault() throws IOException {
        Path project = project("selectors");
        for (String name : new String[] {"a", "b", "c"}) {
            write(project, "models/" + name + ".sql", "select 1 as id\n");
        }
        write(project, "models/nightly/d.sql", "{{ config(tags=['nightly']) }}\nselect * from {{ ref('a') }}\n");
        write(project, "selectors.yml", """
                selectors:
                  - name: just_a
                    definition:
                      method: fqn
                      value: a
                  - name: a_and_children_but_not_nightly
                    default: true
                    definition:
                      union:
                        - method: selector
                          value: just_a
                        - "b"
                        - exclude:
                            - tag:nightly
                  - name: both
                    definition:
                      intersection:
                        - "a b c"
                        - path: models/c.sql
                """);
        assertThat(names(TestingCli.inProject(project, "ls", "--output", "name"))).containsExactly("a", "b");
        assertThat(names(TestingCli.inProject(project, "ls", "--selector", "just_a", "--output", "name"))).containsExactly("a");
        assertThat(names(TestingCli.inProject(project, "ls", "--selector", "both", "--output", "name"))).containsExactly("c");
        assertThat(names(TestingCli.inProject(project, "ls", "-s", "d", "--output", "name"))).containsExactly("d");
        Result result = TestingCli.inProject(project, "run", "--selector", "just_a");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("PASS=1");

        result = TestingCli.inProject(project, "build", "--selector", "justa");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("selectors.yml has no selector 'justa'").contains("did you mean 'just_a'?");
    }

    private static java.util.List<String> names(Result result) {
        assertThat(result.exitCode()).as(result.err()).isZero();
        return result.out().lines().filter(line -> line.matches("[a-z_]+")).sorted().toList();
    }

    Path project(String name) throws IOException {
        return project(name, "");
    }

    Path project(String name, String extra) throws IOException {
        return projectIn(dir, name, extra);
    }

    /** A project named {@code name} in a folder of {@code parent}, for other test classes. */
    static Path projectIn(Path parent, String name) throws IOException {
        return projectIn(parent, name, "");
    }

    private static Path projectIn(Path parent, String name, String extra) throws IOException {
        Path project = parent.resolve(name);
        Files.createDirectories(project.resolve("models"));
        Files.writeString(project.resolve("dbt_project.yml"),
                "name: " + name + "\nversion: '1.0'\nconfig-version: 2\n" + extra);
        return project;
    }

    static void write(Path project, String file, String text) throws IOException {
        TestingFiles.write(project.resolve(file), text);
    }
}
