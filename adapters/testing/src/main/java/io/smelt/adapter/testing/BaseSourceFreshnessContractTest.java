package io.smelt.adapter.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.smelt.compiler.artifact.TestingDbtSchemas;
import io.smelt.compiler.diag.ExitClass;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code source freshness} on a real engine, through the freshness fixture: seeds written with load
 * times relative to now (so each status is known) are read as sources; the statuses, what the engine
 * returned as the newest load time, and {@code sources.json} are checked. One source's times carry a
 * UTC-05:00 offset, which must be converted rather than read as UTC.
 */
public abstract class BaseSourceFreshnessContractTest extends BaseProjectTest {
    private static final DateTimeFormatter WALL_CLOCK = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The type {@code cast(text with an offset as ...)} gives a timestamp that keeps or applies its offset. */
    protected String zonedTimestampType() {
        return "timestamp with time zone";
    }

    @Test
    public void statusesFollowTheThresholdsAndSourcesJsonRecordsThem() throws IOException {
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        Path project = project("freshness");
        Instant freshLoad = now.minus(Duration.ofMinutes(30));
        writeSeed(project, "fresh", row(1, freshLoad, "eu"), row(2, now.minus(Duration.ofDays(3)), "us"));
        writeSeed(project, "late", row(1, now.minus(Duration.ofHours(3)), "eu"));
        writeSeed(project, "stale", row(1, now.minus(Duration.ofDays(3)), "eu"));
        try (Workspace workspace = load(project, "{zoned_type: '" + zonedTimestampType() + "'}", Map.of())) {
            assertSucceeded(run(workspace, Command.SEED));
            RunSummary summary = run(workspace, Command.FRESHNESS);
            Map<String, String> statuses = new LinkedHashMap<>();
            summary.results().forEach(r -> statuses.put(r.node().sourceName() + "." + r.node().name(), status(r)));
            assertThat(statuses).as("%s", names(summary)).containsOnly(
                    Map.entry("raw.fresh", "pass"),
                    Map.entry("raw.late", "warn"),
                    Map.entry("raw.stale", "error"),
                    Map.entry("raw.filtered", "error"),
                    Map.entry("raw.empty", "error"),
                    Map.entry("raw.zoned", "pass"),
                    Map.entry("raw.missing", "runtime error"),
                    Map.entry("quiet.revived", "error"));
            assertThat(summary.success()).isFalse();
        }

        JsonNode sources = TestingDbtSchemas.read(project.resolve("target/sources.json"));
        TestingDbtSchemas.assertValid(sources, TestingDbtSchemas.SOURCES);
        Map<String, JsonNode> byId = new LinkedHashMap<>();
        sources.path("results").forEach(result -> byId.put(result.path("unique_id").asText(), result));
        assertThat(byId).hasSize(8);
        JsonNode fresh = byId.get("source.freshness.raw.fresh");
        assertThat(instant(fresh.path("max_loaded_at").asText())).as("the newest load time, read back").isEqualTo(freshLoad);
        assertThat(instant(byId.get("source.freshness.raw.zoned").path("max_loaded_at").asText()))
                .as("a time at UTC-05:00, converted to UTC").isEqualTo(freshLoad);
        assertThat(instant(byId.get("source.freshness.raw.filtered").path("max_loaded_at").asText()))
                .as("only the rows the filter keeps").isEqualTo(now.minus(Duration.ofDays(3)));
        assertThat(byId.get("source.freshness.raw.empty").path("max_loaded_at").asText()).startsWith("0001-01-01T00:00:00");
        Instant snapshotted = instant(fresh.path("snapshotted_at").asText());
        // the engine's clock in UTC: an engine time zone taken as UTC would be hours away
        assertThat(Duration.between(now, snapshotted).abs()).isLessThan(Duration.ofMinutes(30));
        assertThat(fresh.path("max_loaded_at_time_ago_in_s").asDouble())
                .isCloseTo(Duration.between(freshLoad, snapshotted).toMillis() / 1000.0, org.assertj.core.data.Offset.offset(1.0));
        assertThat(fresh.path("criteria").path("warn_after").path("count").asInt()).isEqualTo(2);
        assertThat(byId.get("source.freshness.raw.filtered").path("criteria").path("filter").asText()).isEqualTo("region = 'us'");
        assertThat(byId.get("source.freshness.raw.missing").path("status").asText()).isEqualTo("runtime error");
        assertThat(byId.get("source.freshness.raw.missing").path("error").asText()).isNotBlank();
    }

    /** The status as sources.json words it; a failed check carries an error kind, a stale source none. */
    private static String status(NodeResult result) {
        if (result.status() == NodeStatus.ERROR && result.errorKind() != null) {
            assertThat(result.errorKind().exitClass()).as("a failed check is exit 1: %s", result.message()).isEqualTo(ExitClass.FAILURE);
            return "runtime error";
        }
        return result.status().dbtName();
    }

    private static Instant instant(String text) {
        return OffsetDateTime.parse(text).toInstant();
    }

    /** A seed row: id, the load time as UTC wall-clock text, the same time at UTC-05:00, a region. */
    private static String row(int id, Instant loadedAt, String region) {
        String utc = WALL_CLOCK.format(loadedAt.atOffset(ZoneOffset.UTC));
        String zoned = WALL_CLOCK.format(loadedAt.atOffset(ZoneOffset.ofHours(-5))) + "-05:00";
        return id + "," + utc + "," + zoned + "," + region;
    }

    private static void writeSeed(Path project, String name, String... rows) {
        try {
            Files.createDirectories(project.resolve("seeds"));
            Files.writeString(project.resolve("seeds").resolve(name + ".csv"),
                    "id,loaded_at,loaded_at_tz,region\n" + String.join("\n", rows) + "\n");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
