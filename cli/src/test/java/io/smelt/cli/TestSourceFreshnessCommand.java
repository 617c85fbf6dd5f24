package io.smelt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.smelt.cli.TestingCli.Result;
import io.smelt.compiler.artifact.TestingDbtSchemas;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code smelt source freshness} on DuckDB: its lines and exit codes, sources.json and {@code --output},
 * selection, {@code source_status:fresher} against a {@code --state} folder, and bad thresholds.
 */
class TestSourceFreshnessCommand {
    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);
    private static final String SOURCES = """
            sources:
              - name: raw
                schema: main
                loaded_at_field: loaded_at
                freshness:
                  warn_after: {count: 2, period: hour}
                  error_after: {count: 1, period: day}
                tables:
                  - name: fresh
                    tags: [nightly]
                  - name: late
                  - name: stale
                  - name: missing
                    identifier: no_such_table
                  - name: unchecked
                    identifier: stale
                    freshness: null
            """;

    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void writeProject() throws IOException {
        project = TestingFiles.shop(dir, "1.0", "");
        TestingFiles.write(project.resolve("models/sources.yml"), SOURCES);
        TestingFiles.write(project.resolve("models/from_late.sql"), "select * from {{ source('raw', 'late') }}\n");
        TestingFiles.write(project.resolve("models/from_fresh.sql"), "select * from {{ source('raw', 'fresh') }}\n");
        Instant now = Instant.now();
        seed("fresh", now.minus(Duration.ofMinutes(30)));
        seed("late", now.minus(Duration.ofHours(3)));
        seed("stale", now.minus(Duration.ofDays(3)));
        Result seeded = smelt("seed");
        assertThat(seeded.exitCode()).as(seeded.out() + seeded.err()).isZero();
    }

    @Test
    void passAndWarnExitZeroAStaleOrFailedSourceExitsOne() {
        Result passing = smelt("source", "freshness", "-s", "source:raw.fresh", "source:raw.late");
        assertThat(passing.exitCode()).as(passing.out() + passing.err()).isZero();
        assertThat(passing.out()).contains("PASS freshness of raw.fresh").contains("WARN freshness of raw.late")
                .contains("Warning in source raw.late (models/sources.yml)").doesNotContain("raw.stale");

        Result stale = smelt("source", "freshness", "--select", "source:raw.stale");
        assertThat(stale.exitCode()).as(stale.out() + stale.err()).isEqualTo(1);
        assertThat(stale.out()).contains("ERROR STALE freshness of raw.stale")
                .contains("source raw.stale was last loaded 3.0 days ago").contains("(error_after: 1 day)");

        Result failed = smelt("source", "freshness", "-s", "source:raw.missing");
        assertThat(failed.exitCode()).as(failed.out() + failed.err()).isEqualTo(1);
        assertThat(failed.out()).contains("ERROR freshness of raw.missing").doesNotContain("ERROR STALE").contains("no_such_table");
    }

    @Test
    void sourcesJsonIsValidAndHoldsEveryCheckedSource() {
        Result all = smelt("source", "freshness");
        assertThat(all.exitCode()).isEqualTo(1);
        JsonNode sources = TestingDbtSchemas.read(project.resolve("target/sources.json"));
        TestingDbtSchemas.assertValid(sources, TestingDbtSchemas.SOURCES);
        List<String> statuses = new ArrayList<>();
        sources.path("results").forEach(r -> statuses.add(r.path("unique_id").asText() + "=" + r.path("status").asText()));
        // freshness: null leaves raw.unchecked out
        assertThat(statuses).containsExactlyInAnyOrder("source.shop.raw.fresh=pass", "source.shop.raw.late=warn",
                "source.shop.raw.stale=error", "source.shop.raw.missing=runtime error");
    }

    @Test
    void outputWritesElsewhereAndSelectionTakesTagsAndExcludes() throws IOException {
        Result tagged = smelt("source", "freshness", "-s", "tag:nightly", "-o", "out/fresh.json");
        assertThat(tagged.exitCode()).as(tagged.out() + tagged.err()).isZero();
        assertThat(project.resolve("target/sources.json")).doesNotExist();
        JsonNode written = TestingDbtSchemas.read(project.resolve("out/fresh.json"));
        TestingDbtSchemas.assertValid(written, TestingDbtSchemas.SOURCES);
        assertThat(written.path("results")).singleElement().satisfies(r -> assertThat(r.path("unique_id").asText()).isEqualTo("source.shop.raw.fresh"));

        Result excluded = smelt("source", "freshness", "-s", "source:raw", "--exclude", "source:raw.stale", "source:raw.missing");
        assertThat(excluded.exitCode()).as(excluded.out() + excluded.err()).isZero();
        assertThat(excluded.out()).contains("raw.fresh").contains("raw.late").doesNotContain("raw.stale").doesNotContain("raw.missing");
    }

    @Test
    void sourceStatusFresherSelectsTheReloadedSourcesAndTheirChildren() throws IOException {
        smelt("source", "freshness");
        Path state = dir.resolve("prod");
        Files.createDirectories(state);
        Files.copy(project.resolve("target/sources.json"), state.resolve("sources.json"));
        Files.copy(project.resolve("target/manifest.json"), state.resolve("manifest.json"));
        seed("late", Instant.now().minus(Duration.ofMinutes(5)));
        assertThat(smelt("seed", "-s", "late").exitCode()).isZero();
        smelt("source", "freshness");

        Result listed = smelt("ls", "-s", "source_status:fresher+", "--state", state.toString());
        assertThat(listed.exitCode()).as(listed.out() + listed.err()).isZero();
        assertThat(listed.out().lines().filter(line -> line.startsWith("source:") || line.startsWith("shop.")))
                .containsExactlyInAnyOrder("source:shop.raw.late", "shop.from_late");

        Result built = smelt("build", "-s", "source_status:fresher+", "--state", state.toString());
        assertThat(built.exitCode()).as(built.out() + built.err()).isZero();
        assertThat(built.out()).contains("main.from_late").doesNotContain("main.from_fresh");
    }

    @Test
    void sourceStatusWithoutItsFilesOrWithAnUnknownStatusExitsTwo() throws IOException {
        Path state = dir.resolve("prod");
        Files.createDirectories(state);
        Result noStateFile = smelt("ls", "-s", "source_status:fresher", "--state", state.toString());
        assertThat(noStateFile.exitCode()).isEqualTo(2);
        assertThat(noStateFile.err()).contains("--state " + state + " has no sources.json");

        smelt("source", "freshness");
        Files.copy(project.resolve("target/sources.json"), state.resolve("sources.json"));
        Files.delete(project.resolve("target/sources.json"));
        Result noCurrentFile = smelt("ls", "-s", "source_status:fresher", "--state", state.toString());
        assertThat(noCurrentFile.exitCode()).isEqualTo(2);
        assertThat(noCurrentFile.err()).contains(project.resolve("target/sources.json").toString())
                .contains("run 'smelt source freshness' first");

        Result unknown = smelt("ls", "-s", "source_status:staler", "--state", state.toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("source_status has no 'staler'").contains("source_status:fresher");

        Result withoutState = smelt("ls", "-s", "source_status:fresher");
        assertThat(withoutState.exitCode()).isEqualTo(2);
        assertThat(withoutState.err()).contains("no state was given");
    }

    @Test
    void aBadPeriodOrCountIsAnErrorAtItsLine() throws IOException {
        TestingFiles.replace(project.resolve("models/sources.yml"), "warn_after: {count: 2, period: hour}", "warn_after: {count: 2, period: week}");
        Result period = smelt("source", "freshness");
        assertThat(period.exitCode()).isEqualTo(2);
        assertThat(period.err()).contains("models/sources.yml:6:").contains("warn_after.period must be one of minute, hour, day, found 'week'");

        TestingFiles.replace(project.resolve("models/sources.yml"), "warn_after: {count: 2, period: week}", "warn_after: {count: 2, period: hour}");
        TestingFiles.replace(project.resolve("models/sources.yml"), "error_after: {count: 1, period: day}", "error_after: {count: one, period: day}");
        Result count = smelt("source", "freshness");
        assertThat(count.exitCode()).isEqualTo(2);
        assertThat(count.err()).contains("models/sources.yml:7:").contains("error_after.count must be a whole number, found 'one'");

        TestingFiles.replace(project.resolve("models/sources.yml"), "error_after: {count: one, period: day}", "eror_after: {count: 1, period: day}");
        Result key = smelt("source", "freshness");
        assertThat(key.exitCode()).isEqualTo(2);
        assertThat(key.err()).contains("models/sources.yml:7:").contains("has no 'eror_after'");
    }

    @Test
    void dbtProjectFreshnessAppliesWhereThePropertiesWriteNone() throws IOException {
        TestingFiles.write(project.resolve("dbt_project.yml"), Files.readString(project.resolve("dbt_project.yml")) + """
                sources:
                  shop:
                    +freshness: {warn_after: {count: 5, period: minute}}
                """);
        TestingFiles.write(project.resolve("models/other.yml"), """
                sources:
                  - name: other
                    schema: main
                    config:
                      loaded_at_field: loaded_at
                    tables:
                      - name: from_project
                        identifier: fresh
                      - name: switched_off
                        identifier: stale
                        freshness: null
                      - name: own_field
                        identifier: late
                        loaded_at_field: "cast(loaded_at as timestamp)"
                """);
        Result parsed = smelt("parse");
        assertThat(parsed.exitCode()).as(parsed.out() + parsed.err()).isZero();
        JsonNode manifest = TestingDbtSchemas.read(project.resolve("target/manifest.json")).path("sources");
        assertThat(manifest.path("source.shop.other.from_project").path("freshness").path("warn_after").path("count").asInt()).isEqualTo(5);
        assertThat(manifest.path("source.shop.other.from_project").path("loaded_at_field").asText()).isEqualTo("loaded_at");
        assertThat(manifest.path("source.shop.other.switched_off").path("freshness").isNull()).isTrue();
        assertThat(manifest.path("source.shop.other.own_field").path("loaded_at_field").asText()).isEqualTo("cast(loaded_at as timestamp)");
        // the properties' threshold, not dbt_project.yml's
        assertThat(manifest.path("source.shop.raw.fresh").path("freshness").path("warn_after").path("count").asInt()).isEqualTo(2);

        Result checked = smelt("source", "freshness", "-s", "source:other");
        assertThat(checked.out()).contains("WARN freshness of other.from_project").contains("WARN freshness of other.own_field")
                .doesNotContain("switched_off");
    }

    @Test
    void aLoadedAtQueryIsRunInsteadOfAColumn() throws IOException {
        TestingFiles.write(project.resolve("models/queried.yml"), """
                sources:
                  - name: queried
                    schema: main
                    loaded_at_field: no_such_column
                    freshness: {warn_after: {count: 2, period: hour}}
                    tables:
                      - name: late
                        loaded_at_query: "select max(loaded_at) from {{ this }}"
                """);
        Result result = smelt("source", "freshness", "-s", "source:queried");
        assertThat(result.exitCode()).as(result.out() + result.err()).isZero();
        assertThat(result.out()).contains("WARN freshness of queried.late").contains("3.0 hours ago");

        TestingFiles.replace(project.resolve("models/queried.yml"), "      - name: late\n",
                "      - name: late\n        loaded_at_field: loaded_at\n");
        Result both = smelt("source", "freshness", "-s", "source:queried");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("models/queried.yml:9:").contains("has both loaded_at_field and loaded_at_query");
    }

    @Test
    void aThresholdWithoutLoadedAtFieldIsAProjectError() throws IOException {
        TestingFiles.replace(project.resolve("models/sources.yml"), "    loaded_at_field: loaded_at\n", "");
        Result result = smelt("source", "freshness", "-s", "source:raw.fresh");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).contains("has a freshness threshold but no loaded_at_field");
    }

    private void seed(String name, Instant loadedAt) throws IOException {
        TestingFiles.write(project.resolve("seeds/" + name + ".csv"), "id,loaded_at\n1," + WALL_CLOCK.format(loadedAt) + "\n");
    }

    private Result smelt(String... args) {
        return TestingCli.inProject(project, args);
    }
}
