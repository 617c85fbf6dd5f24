package io.smelt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands on a real project and the embedded engine. Needs a working Workspace. */
class TestCommandsEndToEnd {
    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void copyFixture() throws IOException, URISyntaxException {
        Path source = Path.of(getClass().getResource("/projects/tiny/dbt_project.yml").toURI()).getParent();
        project = dir.resolve("tiny");
        TestingFiles.copyProject(source, project);
    }

    @Test
    void buildSeedsRunsAndTests() {
        Result result = smelt("build");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).isEqualTo("Running with smelt=" + Version.current());
        assertThat(lines).anyMatch(l -> l.startsWith("Found 2 models, 1 seed, 5 data tests"));
        assertThat(lines).anyMatch(l -> l.matches("\\d+ of 8 OK loaded seed file \\w+\\.raw_people \\.+ \\[.* in \\d+\\.\\d\\ds]"));
        assertThat(lines).anyMatch(l -> l.matches("\\d+ of 8 OK created sql view model \\w+\\.stg_people \\.+ \\[.*]"));
        assertThat(lines).anyMatch(l -> l.matches("\\d+ of 8 OK created sql table model \\w+\\.team_sizes \\.+ \\[.*]"));
        assertThat(lines).anyMatch(l -> l.matches("\\d+ of 8 PASS unique_stg_people_id \\.+ \\[PASS in .*]"));
        assertThat(lines).anyMatch(l -> l.startsWith("Finished running 1 seed, 1 view model, 1 table model, 5 data tests in "));
        assertThat(lines).contains("Completed successfully", "Done. PASS=8 WARN=0 ERROR=0 SKIP=0 TOTAL=8");
        assertThat(result.out()).doesNotContain("START", "\u001b[");
    }

    @Test
    void aFailingTestExitsOne() {
        assertThat(smelt("seed").exitCode()).isZero();
        assertThat(smelt("run").exitCode()).isZero();
        Result result = smelt("test", "--vars", "{break_it: true}");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out())
                .containsPattern("FAIL 1 assert_broken_on_demand \\.+ \\[FAIL 1 in ")
                .contains("Completed with 1 error and 0 warnings:", "Failure in test assert_broken_on_demand",
                        "Got 1 result, configured to fail if != 0", "compiled code at")
                .contains("ERROR=1");
    }

    @Test
    void selectAndExclude() {
        assertThat(smelt("seed").exitCode()).isZero();
        Result result = smelt("run", "-s", "stg_people", "team_sizes", "--exclude", "team_sizes");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("1 of 1 OK created sql view model").doesNotContain("team_sizes");
    }

    @Test
    void lsPrintsOnlyTheList() {
        Result result = smelt("ls", "--resource-type", "model", "--output", "name");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out().lines()).containsExactlyInAnyOrder("stg_people", "team_sizes");
        assertThat(smelt("list", "-s", "raw_people", "--output", "path").out().strip()).isEqualTo("seeds/raw_people.csv");
        assertThat(smelt("ls", "-s", "stg_people", "--resource-type", "model").out().strip()).isEqualTo("tiny.stg_people");
    }

    @Test
    void compileShowsTheSelectedNodesSql() {
        Result result = smelt("compile", "--select", "team_sizes");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Compiled node 'team_sizes' is:", "group by team").doesNotContain("{{", "OK created");
    }

    @Test
    void showPrintsATable() {
        assertThat(smelt("build").exitCode()).isZero();
        Result result = smelt("show", "--inline", "select id, name from {{ ref('stg_people') }} order by id", "--limit", "2");
        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("| id | name  |", "|  1 | ada   |", "|  2 | grace |").doesNotContain("linus");
    }

    @Test
    void cleanDeletesTarget() {
        assertThat(smelt("compile").exitCode()).isZero();
        assertThat(project.resolve("target")).isDirectory();
        Result result = smelt("clean");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("Cleaned target", "Finished cleaning all paths.");
        assertThat(project.resolve("target")).doesNotExist();
    }

    @Test
    void debugPassesWithoutAProfile() {
        Result result = smelt("debug");
        assertThat(result.exitCode()).as(result.out()).isZero();
        assertThat(result.out()).contains("[OK", "All checks passed!");
    }

    @Test
    void aBrokenRefIsAProjectErrorWithAPosition() throws IOException {
        Files.writeString(project.resolve("models/broken.sql"), "select *\nfrom {{ ref('nope') }}\n");
        Result result = smelt("run");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).containsPattern("models/broken\\.sql:2(:\\d+)?: error: .*nope").doesNotContain("\tat ");
    }

    @Test
    void jsonLogIsOneObjectPerLine() throws IOException {
        Result result = smelt("--log-format", "json", "--log-level", "debug", "build");
        assertThat(result.exitCode()).isZero();
        ObjectMapper mapper = new ObjectMapper();
        long finished = 0;
        for (String line : result.out().lines().toList()) {
            JsonNode event = mapper.readTree(line);
            if (event.path("info").path("name").asText().equals("NodeFinished")) {
                finished++;
                assertThat(event.path("data").path("node_info").path("unique_id").asText()).isNotEmpty();
            }
        }
        assertThat(finished).isEqualTo(8);
    }

    @Test
    void initThenBuildTheStarterProject() {
        Result init = TestingCli.run(dir, "init", "starter");
        assertThat(init.exitCode()).isZero();
        Result build = TestingCli.run(dir, "build", "--project-dir", "starter");
        assertThat(build.exitCode()).as(build.out() + build.err()).isZero();
        assertThat(build.out()).contains("Completed successfully");
    }

    private Result smelt(String... args) {
        return TestingCli.run(project, args);
    }
}
