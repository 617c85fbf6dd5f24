package io.smelt.adapter.duckdb;

import io.smelt.compiler.run.Command;
import io.smelt.compiler.run.Invocation;
import io.smelt.compiler.run.ProjectOptions;
import io.smelt.compiler.run.RunListener;
import io.smelt.compiler.run.RunSummary;
import io.smelt.compiler.run.Selection;
import io.smelt.compiler.run.Workspace;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incremental strategies that key rows (merge, delete+insert) are correct by construction: random
 * batches of events (duplicated keys, updates, late rows whose event time is older than what the table
 * holds) applied in random splits of builds leave exactly the table one --full-refresh over all
 * batches builds. Append is not expected to agree when keys repeat across batches (it keeps every
 * version, as in dbt): its property is that it holds each build's rows exactly once.
 */
class TestIncrementalProperty {
    /** One event: the batch it arrives in, its key, a value and the day it happened (late rows have an old day). */
    record Event(int batch, int id, String value, int day) {
    }

    @Property(tries = 15)
    void keyedStrategiesAppliedInAnySplitEqualOneFullRefresh(@ForAll("batches") List<List<Event>> batches,
            @ForAll("splits") List<Integer> cuts) {
        for (String strategy : List.of("merge", "delete+insert")) {
            withProject(strategy, batches, (incremental, full) -> {
                for (int upTo : buildPoints(batches.size(), cuts)) {
                    build(incremental, upTo, false);
                }
                build(full, batches.size() - 1, true);
                assertThat(rows(incremental)).as(strategy + " built in splits " + buildPoints(batches.size(), cuts))
                        .isEqualTo(rows(full))
                        .isEqualTo(expectedLatest(batches));
            });
        }
    }

    @Property(tries = 10)
    void appendHoldsEachBuildsRowsOnce(@ForAll("batches") List<List<Event>> batches, @ForAll("splits") List<Integer> cuts) {
        withProject("append", batches, (incremental, full) -> {
            List<String> expected = new ArrayList<>();
            int from = 0;
            for (int upTo : buildPoints(batches.size(), cuts)) {
                build(incremental, upTo, false);
                // one build dedups the batches it reads: the latest version of each key among them
                expected.addAll(expectedLatest(batches.subList(from, upTo + 1)));
                from = upTo + 1;
            }
            assertThat(rows(incremental)).isEqualTo(expected.stream().sorted().toList());
        });
    }

    @Provide
    Arbitrary<List<List<Event>>> batches() {
        Arbitrary<Event> event = Combinators.combine(
                Arbitraries.integers().between(1, 6),
                Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(3),
                Arbitraries.integers().between(1, 20))
                .as((id, value, day) -> new Event(0, id, value, day));
        return event.list().ofMinSize(0).ofMaxSize(6).list().ofMinSize(1).ofMaxSize(6)
                .map(TestIncrementalProperty::numbered);
    }

    @Provide
    Arbitrary<List<Integer>> splits() {
        return Arbitraries.integers().between(0, 5).list().ofMaxSize(4);
    }

    private static List<List<Event>> numbered(List<List<Event>> batches) {
        List<List<Event>> out = new ArrayList<>();
        for (int b = 0; b < batches.size(); b++) {
            int batch = b;
            out.add(batches.get(b).stream().map(e -> new Event(batch, e.id(), e.value(), e.day())).toList());
        }
        return out;
    }

    /** The last batch of each build: the cut points below the last batch, then the last batch. */
    private static List<Integer> buildPoints(int batchCount, List<Integer> cuts) {
        List<Integer> points = new ArrayList<>(cuts.stream().filter(c -> c < batchCount - 1).distinct().sorted().toList());
        points.add(batchCount - 1);
        return points;
    }

    /** What a full build holds: for each key, its latest event (the last one of the latest batch). */
    private static List<String> expectedLatest(List<List<Event>> batches) {
        Map<Integer, String> latest = new java.util.TreeMap<>();
        for (List<Event> batch : batches) {
            for (Event e : batch) {
                latest.put(e.id(), e.id() + "|" + e.value() + "|" + e.day() + "|" + e.batch());
            }
        }
        return latest.values().stream().sorted().toList();
    }

    private interface ProjectBody {
        void run(Path incremental, Path full) throws Exception;
    }

    /** Two copies of a one-model project over one DuckDB file of events. */
    private static void withProject(String strategy, List<List<Event>> batches, ProjectBody body) {
        Path dir = null;
        try {
            dir = Files.createTempDirectory("smelt-incremental-property-");
            Path incremental = writeProject(dir.resolve("incremental"), strategy);
            Path full = writeProject(dir.resolve("full"), strategy);
            writeEvents(incremental.resolve("out.duckdb"), batches);
            writeEvents(full.resolve("out.duckdb"), batches);
            body.run(incremental, full);
        }
        catch (Exception e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e);
        }
        finally {
            deleteQuietly(dir);
        }
    }

    private static void writeEvents(Path database, List<List<Event>> batches) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database);
                Statement statement = connection.createStatement()) {
            statement.execute("create table events (batch integer, seq integer, id integer, value varchar, day integer)");
            try (PreparedStatement insert = connection.prepareStatement("insert into events values (?, ?, ?, ?, ?)")) {
                int seq = 0;
                for (List<Event> batch : batches) {
                    for (Event e : batch) {
                        insert.setInt(1, e.batch());
                        insert.setInt(2, seq++);
                        insert.setInt(3, e.id());
                        insert.setString(4, e.value());
                        insert.setInt(5, e.day());
                        insert.addBatch();
                    }
                }
                insert.executeBatch();
            }
        }
    }

    private static Path writeProject(Path project, String strategy) throws IOException {
        Files.createDirectories(project.resolve("models"));
        Files.writeString(project.resolve("dbt_project.yml"), "name: prop\nversion: '1.0.0'\nconfig-version: 2\nprofile: prop\n");
        Files.writeString(project.resolve("profiles.yml"), "prop:\n  target: test\n  outputs:\n    test:\n      type: duckdb\n"
                + "      path: '" + project.resolve("out.duckdb") + "'\n");
        String key = strategy.equals("append") ? "" : ", unique_key='id'";
        // The new rows are the batches after the last one the table holds, whatever their event day, so
        // late rows (an older day in a newer batch) are included. The latest batch of a build always
        // keeps rows (they are the newest of their keys), so max(batch) is the last batch applied.
        Files.writeString(project.resolve("models/latest.sql"), """
                {{ config(materialized='incremental', incremental_strategy='%s'%s) }}
                select id, value, day, batch from (
                    select *, row_number() over (partition by id order by seq desc) as rn
                    from main.events
                    where batch <= {{ var('up_to') }}
                    {%% if is_incremental() %%}
                    and batch > (select coalesce(max(batch), -1) from {{ this }})
                    {%% endif %%}
                ) as t
                where rn = 1
                """.formatted(strategy, key));
        return project;
    }

    private static void build(Path project, int upTo, boolean fullRefresh) {
        Map<String, String> env = new java.util.HashMap<>(System.getenv());
        try (Workspace workspace = Workspace.load(new ProjectOptions(project, project, null, null, "{up_to: " + upTo + "}", 1, env),
                RunListener.NONE)) {
            RunSummary summary = workspace.execute(new Invocation(Command.RUN, new Selection(List.of(), List.of(), null), fullRefresh, false),
                    RunListener.NONE);
            assertThat(summary.success()).as("build up to batch %d: %s", upTo, summary.results()).isTrue();
        }
    }

    private static List<String> rows(Path project) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + project.resolve("out.duckdb"));
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select id, value, day, batch from latest")) {
            while (result.next()) {
                rows.add(result.getInt(1) + "|" + result.getString(2) + "|" + result.getInt(3) + "|" + result.getInt(4));
            }
        }
        return rows.stream().sorted().toList();
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
