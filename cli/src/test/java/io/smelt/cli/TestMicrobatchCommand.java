package io.smelt.cli;

import io.smelt.adapter.testing.TestingProjects;
import io.smelt.cli.TestingCli.Result;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code smelt run/build} on the microbatch fixture (DuckDB): exit codes and what the output names. */
class TestMicrobatchCommand {
    private static final String VARS = "{begin: '2024-10-01', run_label: cli}";

    @TempDir
    Path dir;

    private Path project;

    @BeforeEach
    void copy() throws IOException {
        project = TestingProjects.copy("microbatch", dir, Map.of("type", "duckdb", "path", dir.resolve("m.duckdb").toString()));
        Files.writeString(project.resolve("seeds/events.csv"), """
                event_id,event_at,payload
                1,2024-10-01 09:00:00,10
                2,2024-10-02 08:00:00,oops
                3,2024-10-03 12:00:00,30
                """);
    }

    @Test
    void aFailingBatchExitsOneNamingItsWindowAndTheOtherBatchesStay() throws Exception {
        Result result = smelt("build", "-s", "events", "events_checked", "--event-time-start", "2024-10-01", "--event-time-end", "2024-10-04");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out() + result.err()).contains("2 of 3 batches succeeded").contains("[2024-10-02 00:00:00, 2024-10-03 00:00:00)");
        assertThat(ids("select event_id from events_checked order by 1")).containsExactly(1, 3);
    }

    @Test
    void anEmptyEventTimeRangeIsACommandLineError() {
        Result result = smelt("run", "--event-time-start", "2024-10-04", "--event-time-end", "2024-10-02");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Value for `--event-time-start` (2024-10-04) must be less than `--event-time-end` (2024-10-02)");
        assertThat(smelt("build", "--event-time-start", "someday").err()).contains("--event-time-start 'someday' is not a date or timestamp");
    }

    @Test
    void aBadMicrobatchConfigStopsTheRunBeforeAnythingIsWritten() throws Exception {
        Files.writeString(project.resolve("models/events_weekly.sql"), "{{ config(batch_size='week', lookback='two') }}\nselect 1 as id\n");
        Result result = smelt("build");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("models/events_weekly.sql").contains("batch_size 'week' is not one of hour, day, month, year")
                .contains("needs begin").contains("lookback 'two'");
        assertThat(Files.exists(dir.resolve("m.duckdb")) ? ids("select count(*) from information_schema.tables where table_name = 'events'")
                : List.of(0)).containsExactly(0);
    }

    private List<Integer> ids(String sql) throws Exception {
        List<Integer> ids = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + dir.resolve("m.duckdb"));
                ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                ids.add(rows.getInt(1));
            }
        }
        return ids;
    }

    private Result smelt(String... args) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 2);
        all[args.length] = "--vars";
        all[args.length + 1] = VARS;
        return TestingCli.inProject(project, all);
    }
}
