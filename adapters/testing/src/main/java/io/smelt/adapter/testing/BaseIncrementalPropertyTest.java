package io.smelt.adapter.testing;

import io.smelt.adapter.Session;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.exec.Invocation;
import io.smelt.compiler.project.ProjectOptions;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.graph.Selection;
import io.smelt.compiler.workspace.Workspace;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Provide;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The incremental strategies that key rows (merge, delete+insert) are correct by construction, on
 * any engine: random batches of events (keys repeated within and across batches, updated values, late
 * rows whose event day is older than what the table holds, empty batches) applied in random splits of
 * builds leave exactly the table one --full-refresh over all batches builds. Append is not expected
 * to agree when keys repeat across builds (it keeps every version, as in dbt): its property is that it
 * holds each build's rows exactly once.
 *
 * <p>An engine's test class declares the properties with its own number of tries and calls {@link
 * #checkKeyedStrategies} and {@link #checkAppend}; the arbitraries are {@code @ForAll("batches")} and
 * {@code @ForAll("splits")}.
 */
public abstract class BaseIncrementalPropertyTest {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    /** One event: the batch it arrives in, its key, a value and the day it happened (late rows have an old day). */
    public record Event(int batch, int id, String value, int day) {
    }

    /** The target's profile fields for a project that builds into {@code schema}, with files under {@code dir}. */
    protected Map<String, Object> targetFields(Path dir, String schema) {
        return TestEngine.current().targetFields(dir, schema);
    }

    /** Removes what a project built into {@code schema}, when the engine keeps it outside {@code dir}. */
    protected void dropSchema(Path dir, String schema) {
        if (TestEngine.current().sharedServer()) {
            TestEngine.current().dropSchemas(dir, schema);
        }
    }

    @Provide
    public Arbitrary<List<List<Event>>> batches() {
        Arbitrary<Event> event = Combinators.combine(
                Arbitraries.integers().between(1, 6),
                Arbitraries.strings().withCharRange('a', 'e').ofMinLength(1).ofMaxLength(3),
                Arbitraries.integers().between(1, 20))
                .as((id, value, day) -> new Event(0, id, value, day));
        return event.list().ofMinSize(0).ofMaxSize(6).list().ofMinSize(1).ofMaxSize(6).map(BaseIncrementalPropertyTest::numbered);
    }

    @Provide
    public Arbitrary<List<Integer>> splits() {
        return Arbitraries.integers().between(0, 5).list().ofMaxSize(4);
    }

    protected void checkKeyedStrategies(List<List<Event>> batches, List<Integer> cuts) {
        for (String strategy : List.of("merge", "delete+insert")) {
            withProjects(strategy, batches, (incremental, full) -> {
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

    protected void checkAppend(List<List<Event>> batches, List<Integer> cuts) {
        withProjects("append", batches, (incremental, full) -> {
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
        Map<Integer, String> latest = new TreeMap<>();
        for (List<Event> batch : batches) {
            for (Event e : batch) {
                latest.put(e.id(), e.id() + "|" + e.value() + "|" + e.day() + "|" + e.batch());
            }
        }
        return latest.values().stream().sorted().toList();
    }

    private interface Body {
        void run(Path incremental, Path full);
    }

    /** Two projects, each with its own schema holding the events, that differ only in how they are built. */
    private void withProjects(String strategy, List<List<Event>> batches, Body body) {
        Path dir;
        try {
            dir = Files.createTempDirectory("smelt-incremental-property-");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String base = "smelt_prop" + ProcessHandle.current().pid() % 10000 + "_" + SCHEMAS.incrementAndGet();
        List<String> schemas = List.of(base + "_i", base + "_f");
        try {
            List<Path> projects = new ArrayList<>();
            for (String schema : schemas) {
                Path project = writeProject(dir.resolve(schema), targetFields(dir, schema), strategy);
                try (Workspace workspace = load(project, 0);
                        Session session = workspace.openSession()) {
                    session.execute("create schema if not exists " + schema);
                    session.execute("create table " + schema + ".events as " + eventsSql(batches));
                }
                projects.add(project);
            }
            body.run(projects.get(0), projects.get(1));
        }
        finally {
            schemas.forEach(schema -> dropSchema(dir, schema));
            deleteQuietly(dir);
        }
    }

    /** The events as one portable query; a sentinel row in batch -1 gives the table its columns when there are none. */
    private static String eventsSql(List<List<Event>> batches) {
        StringBuilder sql = new StringBuilder("select -1 as batch, -1 as seq, 0 as id, 'x' as value, 0 as day");
        int seq = 0;
        for (List<Event> batch : batches) {
            for (Event e : batch) {
                sql.append(" union all select ").append(e.batch()).append(", ").append(seq++).append(", ").append(e.id())
                        .append(", '").append(e.value()).append("', ").append(e.day());
            }
        }
        return sql.toString();
    }

    private static Path writeProject(Path project, Map<String, Object> fields, String strategy) {
        try {
            Files.createDirectories(project.resolve("models"));
            Files.writeString(project.resolve("dbt_project.yml"), "name: prop\nversion: '1.0.0'\nconfig-version: 2\nprofile: prop\n");
            TestingProjects.writeProfile(project, fields);
            String key = strategy.equals("append") ? "" : ", unique_key='id'";
            // The new rows are the batches after the last one the table holds, whatever their event day,
            // so late rows are included. The latest batch of a build always keeps rows (the newest of
            // their keys), so max(batch) is the last batch applied.
            Files.writeString(project.resolve("models/latest.sql"), """
                    {{ config(materialized='incremental', incremental_strategy='%s'%s) }}
                    select id, value, day, batch from (
                        select id, value, day, batch, row_number() over (partition by id order by seq desc) as rn
                        from {{ target.schema }}.events
                        where batch >= 0 and batch <= {{ var('up_to') }}
                        {%% if is_incremental() %%}
                        and batch > (select coalesce(max(batch), -1) from {{ this }})
                        {%% endif %%}
                    ) as t
                    where rn = 1
                    """.formatted(strategy, key));
            return project;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Workspace load(Path project, int upTo) {
        return Workspace.load(new ProjectOptions(project, project, null, null, "{up_to: " + upTo + "}", 1,
                new HashMap<>(System.getenv())), RunListener.NONE);
    }

    private static void build(Path project, int upTo, boolean fullRefresh) {
        try (Workspace workspace = load(project, upTo)) {
            RunSummary summary = workspace.execute(new Invocation(Command.RUN, new Selection(List.of(), List.of(), null), fullRefresh, false),
                    RunListener.NONE);
            assertThat(summary.success()).as("build up to batch %d: %s", upTo, summary.results()).isTrue();
        }
    }

    private static List<String> rows(Path project) {
        List<String> rows = new ArrayList<>();
        try (Workspace workspace = load(project, 0);
                Session session = workspace.openSession()) {
            for (List<Object> row : session.execute("select id, value, day, batch from " + workspace.relationName("latest"), true, -1).rows()) {
                rows.add(String.join("|", row.stream().map(String::valueOf).toList()));
            }
        }
        return rows.stream().sorted().toList();
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        catch (IOException e) {
            // a temp folder: best effort
        }
    }
}
