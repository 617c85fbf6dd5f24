package io.smelt.compiler.materialize;

import io.smelt.adapter.Capabilities;
import io.smelt.compiler.context.BatchWindow;
import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.TestingNodes;
import org.junit.jupiter.api.Test;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Which batches a microbatch model builds, and which configs and flags are refused. */
class TestMicrobatchBatches {
    private static final LocalDateTime NOW = LocalDateTime.parse("2024-10-17T16:06:00");

    @Test
    void firstRunBuildsFromBeginTruncatedUpToTheCurrentBatch() {
        assertThat(windows(config("day", "2024-10-14 13:00:00", 1).batches(false, EventTimeRange.NONE, NOW)))
                .containsExactly("20241014 2024-10-14 00:00:00 2024-10-15 00:00:00", "20241015 2024-10-15 00:00:00 2024-10-16 00:00:00",
                        "20241016 2024-10-16 00:00:00 2024-10-17 00:00:00", "20241017 2024-10-17 00:00:00 2024-10-18 00:00:00");
    }

    @Test
    void incrementalRunBuildsTheCurrentBatchAndLookbackBatchesBeforeIt() {
        MicrobatchConfig config = config("day", "2020-01-01", 1);
        assertThat(ids(config.batches(true, EventTimeRange.NONE, NOW))).containsExactly("20241016", "20241017");
        assertThat(ids(config("day", "2020-01-01", 0).batches(true, EventTimeRange.NONE, NOW))).containsExactly("20241017");
        assertThat(ids(config("day", "2020-01-01", 3).batches(true, EventTimeRange.NONE, NOW)))
                .containsExactly("20241014", "20241015", "20241016", "20241017");
    }

    @Test
    void aFullRefreshStartsFromBeginAgain() {
        assertThat(ids(config("month", "2024-07-15", 1).batches(false, EventTimeRange.NONE, NOW)))
                .containsExactly("202407", "202408", "202409", "202410");
    }

    @Test
    void hourBatchesCrossMidnight() {
        LocalDateTime now = LocalDateTime.parse("2024-10-17T00:30:00");
        assertThat(windows(config("hour", "2020-01-01", 1).batches(true, EventTimeRange.NONE, now)))
                .containsExactly("20241016T23 2024-10-16 23:00:00 2024-10-17 00:00:00", "20241017T00 2024-10-17 00:00:00 2024-10-17 01:00:00");
    }

    @Test
    void monthBatchesHaveTheMonthsLengthAcrossAYearEnd() {
        LocalDateTime now = LocalDateTime.parse("2025-01-03T08:00:00");
        assertThat(windows(config("month", "2020-01-01", 2).batches(true, EventTimeRange.NONE, now)))
                .containsExactly("202411 2024-11-01 00:00:00 2024-12-01 00:00:00", "202412 2024-12-01 00:00:00 2025-01-01 00:00:00",
                        "202501 2025-01-01 00:00:00 2025-02-01 00:00:00");
        assertThat(windows(config("month", "2024-02-10", 1).batches(false, new EventTimeRange(null, LocalDateTime.parse("2024-03-01T00:00")), now)))
                .containsExactly("202402 2024-02-01 00:00:00 2024-03-01 00:00:00");
    }

    @Test
    void yearBatches() {
        assertThat(windows(config("year", "2022-06-01", 1).batches(false, EventTimeRange.NONE, NOW)))
                .containsExactly("2022 2022-01-01 00:00:00 2023-01-01 00:00:00", "2023 2023-01-01 00:00:00 2024-01-01 00:00:00",
                        "2024 2024-01-01 00:00:00 2025-01-01 00:00:00");
    }

    @Test
    void eventTimeFlagsReplaceEitherEnd() {
        MicrobatchConfig config = config("day", "2020-01-01", 1);
        EventTimeRange both = EventTimeRange.of("2024-10-02", "2024-10-04", NOW);
        // the range wins over both begin (first run) and lookback (incremental run)
        assertThat(ids(config.batches(false, both, NOW))).containsExactly("20241002", "20241003");
        assertThat(ids(config.batches(true, both, NOW))).containsExactly("20241002", "20241003");
        // a start or end inside a batch takes the whole batch
        assertThat(ids(config.batches(true, EventTimeRange.of("2024-10-02T10:00:00", "2024-10-03 00:00:01", NOW), NOW)))
                .containsExactly("20241002", "20241003");
        assertThat(ids(config.batches(true, EventTimeRange.of("2024-10-15", null, NOW), NOW)))
                .containsExactly("20241015", "20241016", "20241017");
        assertThat(ids(config.batches(true, EventTimeRange.of(null, "2024-10-16", NOW), NOW))).containsExactly("20241014", "20241015");
        assertThat(ids(config("day", "2024-10-14", 1).batches(false, EventTimeRange.of(null, "2024-10-16", NOW), NOW)))
                .containsExactly("20241014", "20241015");
    }

    @Test
    void anOffsetIsTurnedIntoUtc() {
        EventTimeRange range = EventTimeRange.of("2024-10-02T01:30:00+02:00", "2024-10-03T00:00:00Z", NOW);
        assertThat(range.start()).isEqualTo(LocalDateTime.parse("2024-10-01T23:30:00"));
        assertThat(ids(config("hour", "2020-01-01", 1).batches(true, range, NOW))).startsWith("20241001T23", "20241002T00").hasSize(25);
    }

    @Test
    void eventTimeFlagsAreCheckedAsDbtChecksThem() {
        assertThatThrownBy(() -> EventTimeRange.of("2024-10-04", "2024-10-02", NOW))
                .isInstanceOf(SmeltException.class).hasMessageContaining("must be less than `--event-time-end`");
        assertThatThrownBy(() -> EventTimeRange.of("2024-10-02", "2024-10-02", NOW))
                .hasMessageContaining("must be less than `--event-time-end`");
        assertThatThrownBy(() -> EventTimeRange.of("2024-10-18", null, NOW)).hasMessageContaining("must be less than the current time");
        assertThatThrownBy(() -> EventTimeRange.of("yesterday", null, NOW)).hasMessageContaining("--event-time-start 'yesterday' is not a date");
        assertThatThrownBy(() -> EventTimeRange.of(null, "2024-13-01", NOW)).hasMessageContaining("--event-time-end '2024-13-01'");
        SmeltException e = (SmeltException) org.assertj.core.api.Assertions.catchThrowable(() -> EventTimeRange.of("2024-10-04", "2024-10-02", NOW));
        assertThat(e.first().kind()).isEqualTo(ErrorKind.COMMAND_LINE);
        assertThat(EventTimeRange.of(null, "2030-01-01", NOW).end()).isEqualTo(LocalDateTime.parse("2030-01-01T00:00"));
    }

    @Test
    void configValuesAsYamlReadsThem() {
        Node node = model().config("batch_size", "DAY").config("begin", Date.from(java.time.Instant.parse("2024-10-01T00:00:00Z")))
                .config("lookback", 2L).build();
        MicrobatchConfig config = MicrobatchConfig.check(node, new ArrayList<>());
        assertThat(config).isEqualTo(new MicrobatchConfig("ts", BatchSize.DAY, LocalDateTime.parse("2024-10-01T00:00"), 2));
        assertThat(MicrobatchConfig.check(model().config("batch_size", "day").config("begin", "2024-10-01").build(), new ArrayList<>())
                .lookback()).isEqualTo(1);
    }

    @Test
    void missingOrWrongConfigIsAProjectErrorNamingEachValue() {
        Node node = TestingNodes.model("events_daily").config("materialized", "incremental")
                .config("incremental_strategy", "microbatch").config("batch_size", "week").config("begin", "soon")
                .config("lookback", -1).build();
        List<Diagnostic> problems = new ArrayList<>();
        assertThat(MicrobatchConfig.check(node, problems)).isNull();
        assertThat(problems).extracting(Diagnostic::message).containsExactly(
                "incremental_strategy 'microbatch' needs event_time, the model's event time column",
                "batch_size 'week' is not one of hour, day, month, year",
                "begin 'soon' is not a date or timestamp",
                "lookback '-1' is not a whole number of batches, 0 or more");
        assertThat(problems).extracting(Diagnostic::kind).containsOnly(ErrorKind.PROJECT);

        List<Diagnostic> missing = new ArrayList<>();
        MicrobatchConfig.check(model().build(), missing);
        assertThat(missing).extracting(Diagnostic::message).containsExactly("incremental_strategy 'microbatch' needs batch_size",
                "incremental_strategy 'microbatch' needs begin, the start of its first batch");
    }

    @Test
    void checkAllRefusesABadMicrobatchModelAndAnEngineWithoutTheStrategy() {
        Node node = model().config("batch_size", "fortnight").config("begin", "2024-01-01").build();
        Capabilities with = Capabilities.builder().transactions(true).incrementalStrategies("append", "microbatch").build();
        assertThatThrownBy(() -> IncrementalConfig.checkAll(List.of(node), with, "duckdb"))
                .isInstanceOf(SmeltException.class).hasMessageContaining("batch_size 'fortnight' is not one of hour, day, month, year");
        Node good = model().config("batch_size", "day").config("begin", "2024-01-01").build();
        IncrementalConfig.checkAll(List.of(good), with, "duckdb");
        Capabilities without = Capabilities.builder().transactions(true).incrementalStrategies("append").build();
        assertThatThrownBy(() -> IncrementalConfig.checkAll(List.of(good), without, "duckdb"))
                .hasMessageContaining("incremental_strategy 'microbatch' is not supported by the duckdb engine");
    }

    private static TestingNodes model() {
        return TestingNodes.model("events_daily").config("materialized", "incremental").config("incremental_strategy", "microbatch")
                .config("event_time", "ts");
    }

    private static MicrobatchConfig config(String batchSize, String begin, int lookback) {
        List<Diagnostic> problems = new ArrayList<>();
        MicrobatchConfig config = MicrobatchConfig.check(model().config("batch_size", batchSize).config("begin", begin)
                .config("lookback", lookback).build(), problems);
        assertThat(problems).isEmpty();
        return config;
    }

    private static List<String> ids(List<BatchWindow> batches) {
        return batches.stream().map(BatchWindow::id).toList();
    }

    private static List<String> windows(List<BatchWindow> batches) {
        return batches.stream().map(b -> b.id() + " " + b.startText() + " " + b.endText()).toList();
    }
}
