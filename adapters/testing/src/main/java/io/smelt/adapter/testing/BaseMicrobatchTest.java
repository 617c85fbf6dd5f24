package io.smelt.adapter.testing;

import io.smelt.compiler.result.Command;
import io.smelt.compiler.materialize.EventTimeRange;
import io.smelt.compiler.exec.Invocation;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.graph.Selection;
import io.smelt.compiler.workspace.Workspace;
import io.smelt.compiler.artifact.TestingDbtSchemas;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The microbatch strategy on the engine under test, with the {@code microbatch} fixture: a seed of
 * events over the last four days (UTC) and day-sized batches over it. Each model row records the
 * run that wrote it, so a test sees which batches a build replaced and which it left alone.
 */
public abstract class BaseMicrobatchTest extends BaseProjectTest {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    /** Today, UTC, as microbatch batches count days. */
    private final LocalDate today = LocalDate.now(ZoneOffset.UTC);

    @Test
    public void batchesFillFromBeginThenAnEventTimeRangeReplacesExactlyItsWindow() {
        Path project = project("microbatch");
        writeEvents(project, List.of("1,%s 09:00:00,10".formatted(day(-3)), "2,%s 17:30:00,20".formatted(day(-3)),
                "3,%s 08:00:00,30".formatted(day(-2)), "4,%s 12:00:00,40".formatted(day(-1)), "5,%s 00:00:00,50".formatted(day(0))));
        try (Workspace workspace = load(project, vars("first"), Map.of())) {
            RunSummary first = build(workspace, EventTimeRange.NONE, "events", "events_daily");
            assertSucceeded(first);
            // begin is three days ago: four day batches up to and including today's
            assertThat(result(first, "events_daily").message()).isEqualTo("OK 4 batches");
            assertThat(rows(workspace, "select event_id, run_label, batch_id, incr, all_events from "
                    + relation(workspace, "events_daily") + " order by event_id")).containsExactly(
                    "1|first|" + id(-3) + "|no|5", "2|first|" + id(-3) + "|no|5", "3|first|" + id(-2) + "|yes|5",
                    "4|first|" + id(-1) + "|yes|5", "5|first|" + id(0) + "|yes|5");
        }
        TestingDbtSchemas.assertValid(TestingDbtSchemas.read(project.resolve("target/manifest.json")), TestingDbtSchemas.MANIFEST);

        // a new row for today and a late row for two days ago; only two days ago is rebuilt
        writeEvents(project, List.of("1,%s 09:00:00,10".formatted(day(-3)), "2,%s 17:30:00,20".formatted(day(-3)),
                "3,%s 08:00:00,30".formatted(day(-2)), "4,%s 12:00:00,40".formatted(day(-1)), "5,%s 00:00:00,50".formatted(day(0)),
                "6,%s 10:00:00,60".formatted(day(0)), "7,%s 23:59:59,70".formatted(day(-2))));
        try (Workspace workspace = load(project, vars("second"), Map.of())) {
            RunSummary second = build(workspace, EventTimeRange.of(day(-2), day(-1), LocalDateTime.now(ZoneOffset.UTC)),
                    "events", "events_daily");
            assertSucceeded(second);
            assertThat(result(second, "events_daily").message()).isEqualTo("OK 1 batch");
            assertThat(rows(workspace, "select event_id, run_label, batch_id, incr, all_events from "
                    + relation(workspace, "events_daily") + " order by event_id")).containsExactly(
                    "1|first|" + id(-3) + "|no|5", "2|first|" + id(-3) + "|no|5", "3|second|" + id(-2) + "|yes|7",
                    "4|first|" + id(-1) + "|yes|5", "5|first|" + id(0) + "|yes|5", "7|second|" + id(-2) + "|yes|7");
        }

        // a plain incremental build: today's batch and one batch of lookback
        try (Workspace workspace = load(project, vars("third"), Map.of())) {
            RunSummary third = build(workspace, EventTimeRange.NONE, "events", "events_daily");
            assertSucceeded(third);
            assertThat(result(third, "events_daily").message()).isEqualTo("OK 2 batches");
            assertThat(rows(workspace, "select event_id, run_label, batch_id from " + relation(workspace, "events_daily")
                    + " order by event_id")).containsExactly("1|first|" + id(-3), "2|first|" + id(-3), "3|second|" + id(-2),
                    "4|third|" + id(-1), "5|third|" + id(0), "6|third|" + id(0), "7|second|" + id(-2));
        }
    }

    @Test
    public void aFailingBatchLeavesTheOtherBatchesAppliedAndIsNamed() {
        Path project = project("microbatch");
        writeEvents(project, List.of("1,%s 09:00:00,10".formatted(day(-3)), "2,%s 08:00:00,oops".formatted(day(-2)),
                "3,%s 09:00:00,30".formatted(day(-2)), "4,%s 12:00:00,40".formatted(day(-1)), "5,%s 01:00:00,50".formatted(day(0))));
        try (Workspace workspace = load(project, vars("first"), Map.of())) {
            RunSummary summary = build(workspace, EventTimeRange.NONE, "events", "events_checked");
            NodeResult checked = result(summary, "events_checked");
            assertThat(checked.status()).isEqualTo(NodeStatus.ERROR);
            assertThat(checked.message()).contains("3 of 4 batches succeeded")
                    .contains("[" + day(-2) + " 00:00:00, " + day(-1) + " 00:00:00)")
                    .doesNotContain("[" + day(-3) + " 00:00:00");
            assertThat(summary.success()).isFalse();
            assertThat(rows(workspace, "select event_id, amount from " + relation(workspace, "events_checked") + " order by event_id"))
                    .containsExactly("1|10", "4|40", "5|50");
        }

        // the bad row fixed, the failed day alone is built again
        writeEvents(project, List.of("1,%s 09:00:00,10".formatted(day(-3)), "2,%s 08:00:00,20".formatted(day(-2)),
                "3,%s 09:00:00,30".formatted(day(-2)), "4,%s 12:00:00,40".formatted(day(-1)), "5,%s 01:00:00,50".formatted(day(0))));
        try (Workspace workspace = load(project, vars("second"), Map.of())) {
            RunSummary summary = build(workspace, EventTimeRange.of(day(-2), day(-1), LocalDateTime.now(ZoneOffset.UTC)),
                    "events", "events_checked");
            assertSucceeded(summary);
            assertThat(rows(workspace, "select event_id, amount from " + relation(workspace, "events_checked") + " order by event_id"))
                    .containsExactly("1|10", "2|20", "3|30", "4|40", "5|50");
        }
    }

    private RunSummary build(Workspace workspace, EventTimeRange range, String... select) {
        Selection selection = new Selection(List.of(select), List.of(), null);
        return workspace.execute(new Invocation(Command.BUILD, selection, false, false, range), RunListener.NONE);
    }

    private String vars(String runLabel) {
        return "{begin: '" + day(-3) + "', run_label: " + runLabel + "}";
    }

    private String day(int offset) {
        return DAY.format(today.plusDays(offset));
    }

    private String id(int offset) {
        return day(offset).replace("-", "");
    }

    private static void writeEvents(Path project, List<String> rows) {
        try {
            Files.writeString(project.resolve("seeds/events.csv"), "event_id,event_at,payload\n" + String.join("\n", rows) + "\n");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
