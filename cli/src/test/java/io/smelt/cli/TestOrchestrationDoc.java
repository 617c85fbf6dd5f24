package io.smelt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smelt.adapter.testing.TestingProjects;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs what docs/orchestration.md shows: each {@code smelt} line of its {@code bash} blocks on a copy of
 * the sample project (the commands its Airflow and Dagster examples embed must be among them), the
 * retry path after a failing layer, and its Java example, compiled from the page.
 */
class TestOrchestrationDoc {
    private static final String BAD_GOLD = "select cast(action as integer) as n from {{ ref('silver_user_events') }}\n";

    @TempDir
    Path dir;

    private Path project;
    private String doc;

    @BeforeEach
    void copySampleProject() throws IOException {
        doc = Files.readString(TestingProjects.repositoryRoot().resolve("docs/orchestration.md"));
        project = dir.resolve("sample-project");
        TestingFiles.copyProject(TestingProjects.source("sample-project"), project);
    }

    @Test
    void theExamplesRunTheDocumentedCommands() {
        List<String> shell = shellCommands();
        List<String> embedded = blocks("python").stream().flatMap(block -> quoted(block).stream()).distinct().toList();
        assertThat(embedded).hasSize(3);
        assertThat(shell).containsAll(embedded);
    }

    @Test
    void layersThenRetryAfterAFailure() throws IOException {
        List<String> commands = shellCommands();
        assertThat(commands).hasSize(4);
        String retry = commands.get(3);
        assertThat(retry).startsWith("smelt retry");
        for (String command : commands.subList(0, 3)) {
            Result result = smelt(command);
            assertThat(result.exitCode()).as(command + "\n" + result.err()).isZero();
            assertThat(events(result)).isNotEmpty();
        }
        assertThat(statuses()).containsEntry("user_metrics_daily", "success").containsEntry("daily_funnel", "success");

        Path gold = project.resolve("models/gold/daily_funnel.sql");
        String good = Files.readString(gold);
        Files.writeString(gold, BAD_GOLD);
        Result failed = smelt(commands.get(2));
        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(1);
        assertThat(failedNodes(events(failed))).containsExactly("model.smelt_sample.daily_funnel");
        assertThat(statuses()).containsEntry("daily_funnel", "error");
        List<String> toRetry = statuses().entrySet().stream()
                .filter(e -> List.of("error", "fail", "skipped").contains(e.getValue())).map(Map.Entry::getKey).toList();
        assertThat(toRetry).contains("daily_funnel").hasSizeLessThan(statuses().size());

        Files.writeString(gold, good);
        Result retried = smelt(retry);
        assertThat(retried.exitCode()).as(retried.out()).isZero();
        assertThat(statuses()).as("only what errored or was skipped runs again")
                .containsOnlyKeys(toRetry).containsEntry("daily_funnel", "success")
                .allSatisfy((node, status) -> assertThat(status).isIn("success", "pass"));
        Result nothingLeft = smelt(retry);
        assertThat(nothingLeft.exitCode()).isZero();

        Files.writeString(project.resolve("models/gold/daily_funnel.sql"), "select * from {{ ref('no_such_model') }}\n");
        Result wrong = smelt(commands.get(2));
        assertThat(wrong.exitCode()).as("a project error is exit code 2, which the examples do not retry").isEqualTo(2);
        assertThat(events(wrong)).anySatisfy(e -> assertThat(e.path("info").path("name").asText()).isEqualTo("MainEncounteredError"));
    }

    @Test
    void theJavaExampleBuildsTheMarts() throws Exception {
        String source = blocks("java").stream().filter(block -> block.contains("class NightlyBuild")).findFirst().orElseThrow();
        Path sources = Files.createDirectories(dir.resolve("src"));
        Path classes = Files.createDirectories(dir.resolve("classes"));
        Files.writeString(sources.resolve("NightlyBuild.java"), source);
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream messages = new ByteArrayOutputStream();
        int compiled = compiler.run(null, messages, messages, "-d", classes.toString(),
                "-classpath", System.getProperty("java.class.path"), sources.resolve("NightlyBuild.java").toString());
        assertThat(compiled).as(messages.toString()).isZero();
        try (URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, getClass().getClassLoader())) {
            Method build = loader.loadClass("NightlyBuild").getMethod("build", Path.class, Map.class);
            assertThat(build.invoke(null, project, Map.of())).isEqualTo(0);
        }
        assertThat(statuses()).containsEntry("daily_funnel", "success").containsEntry("raw_user_events", "success");
        assertThat(FailingShop.rows(project.resolve("target/sample.duckdb"), "select count(*) > 0 from main.user_metrics_daily"))
                .containsExactly("true");
    }

    /** A documented command run as the shell would run it, from the project folder. */
    private Result smelt(String command) {
        List<String> words = words(command);
        assertThat(words.get(0)).isEqualTo("smelt");
        return TestingCli.run(CliContext.of(project), words.subList(1, words.size()).toArray(String[]::new));
    }

    private List<String> shellCommands() {
        List<String> commands = new ArrayList<>();
        for (String block : blocks("bash")) {
            for (String line : block.lines().map(String::strip).toList()) {
                if (line.startsWith("smelt ")) {
                    commands.add(line);
                }
            }
        }
        return commands;
    }

    private List<String> blocks(String language) {
        List<String> blocks = new ArrayList<>();
        Matcher matcher = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(doc);
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        assertThat(blocks).as(language + " blocks").isNotEmpty();
        return blocks;
    }

    /** The double-quoted Python strings that are smelt commands. */
    private static List<String> quoted(String code) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile("\"(smelt [^\"]*)\"").matcher(code);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    /** Splits as a POSIX shell (and Python's shlex.split) does, for what the page uses: spaces, single and double quotes. */
    static List<String> words(String command) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        char quote = 0;
        for (char c : command.toCharArray()) {
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
                else {
                    word.append(c);
                }
            }
            else if (c == '\'' || c == '"') {
                quote = c;
                word = word == null ? new StringBuilder() : word;
            }
            else if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
            }
            else {
                word = word == null ? new StringBuilder() : word;
                word.append(c);
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return words;
    }

    private static List<JsonNode> events(Result result) {
        ObjectMapper mapper = new ObjectMapper();
        return result.out().lines().map(line -> {
            try {
                return mapper.readTree(line);
            }
            catch (IOException e) {
                throw new UncheckedIOException("not a JSON line: " + line, e);
            }
        }).toList();
    }

    private static List<String> failedNodes(List<JsonNode> events) {
        return events.stream().map(e -> e.path("data").path("node_info"))
                .filter(info -> List.of("error", "fail").contains(info.path("node_status").asText()))
                .map(info -> info.path("unique_id").asText()).distinct().toList();
    }

    private Map<String, String> statuses() throws IOException {
        Map<String, String> statuses = new LinkedHashMap<>();
        JsonNode json = new ObjectMapper().readTree(project.resolve("target/run_results.json").toFile());
        for (JsonNode result : json.path("results")) {
            String id = result.path("unique_id").asText();
            statuses.put(id.substring(id.lastIndexOf('.') + 1), result.path("status").asText());
        }
        return statuses;
    }
}
