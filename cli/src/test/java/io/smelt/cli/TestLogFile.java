package io.smelt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** dbt's log file, {@code <log-path>/dbt.log}, written when one of its flags or variables asks for it. */
class TestLogFile {
    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void writeProject() throws IOException {
        project = FailingShop.write(dir);
        FailingShop.fix(project);
    }

    @Test
    void debugLinesBesideTextOutput() throws IOException {
        Result result = TestingCli.inProject(project, "seed", "--log-path", "run-logs");
        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).contains("OK loaded seed file main.raw_orders").doesNotContain("{\"data\"");
        List<String> lines = Files.readAllLines(project.resolve("run-logs/dbt.log"));
        String invocation = new ObjectMapper().readTree(project.resolve("target/run_results.json").toFile())
                .path("metadata").path("invocation_id").asText();
        assertThat(lines).anySatisfy(line -> assertThat(line).matches("=+ \\d\\d:\\d\\d:\\d\\d\\.\\d{6} \\| " + invocation + " =+"));
        List<String> events = lines.stream().filter(line -> !line.isEmpty() && !line.startsWith("=")).toList();
        assertThat(events).allSatisfy(line -> assertThat(line)
                .matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{6} \\[(debug|info |warn |error)] \\[.{10}]: (?s).*"));
        assertThat(String.join("\n", lines)).containsPattern("\\[debug] \\[[\\w -]{10}]: Began running node seed.shop.raw_orders")
                .containsPattern("\\[info ] \\[Thread-1  ]: 1 of 1 OK loaded seed file main.raw_orders")
                .contains("[info ] [main      ]: Running with smelt=")
                .containsPattern("\\[debug] \\[main      ]: Command `smelt seed` succeeded at .* after [\\d.]+ seconds");
    }

    @Test
    void jsonLinesAppendedRunAfterRun() throws IOException {
        for (int run = 0; run < 2; run++) {
            Result result = TestingCli.inProject(project, "seed", "--log-format-file", "json", "--log-level-file", "info");
            assertThat(result.exitCode()).isZero();
        }
        List<JsonNode> events = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        for (String line : Files.readAllLines(project.resolve("logs/dbt.log"))) {
            events.add(mapper.readTree(line));
        }
        assertThat(events).allSatisfy(e -> assertThat(e.path("info").path("level").asText()).isNotEqualTo("debug"));
        List<String> invocations = events.stream().filter(e -> e.path("info").path("name").asText().equals("MainReportVersion"))
                .map(e -> e.path("info").path("invocation_id").asText()).toList();
        assertThat(invocations).hasSize(2).doesNotHaveDuplicates();
    }

    @Test
    void aProjectErrorIsLoggedToo() throws IOException {
        TestingFiles.write(project.resolve("models/typo.sql"), "select * from {{ ref('stg_ordrs') }}\n");
        Result result = TestingCli.inProject(project, Map.of("DBT_LOG_PATH", "elsewhere", "DBT_ENV_SECRET_X", "stg_ordrs"), "parse");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/typo.sql:1");
        String log = Files.readString(project.resolve("elsewhere/dbt.log"));
        assertThat(log).contains("[error] [main      ]: Encountered an error:").contains("models/typo.sql:1")
                .doesNotContain("stg_ordrs").contains("*****");
    }

    @Test
    void noFileUnlessAsked() {
        assertThat(TestingCli.inProject(project, "seed").exitCode()).isZero();
        assertThat(project.resolve("logs")).doesNotExist();
        Result none = TestingCli.inProject(project, "seed", "--log-level-file", "none");
        assertThat(none.exitCode()).isZero();
        assertThat(project.resolve("logs")).doesNotExist();
        Result bad = TestingCli.inProject(project, "seed", "--log-format-file", "xml");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--log-format-file must be debug, text or json");
    }
}
