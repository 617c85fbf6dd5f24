package io.smelt.adapter.trino;

import io.smelt.adapter.testing.TestingChildBuild;
import io.smelt.adapter.testing.TestingProjects;
import io.smelt.adapter.testing.TestingTrinoServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merge into an Iceberg table on Trino whose client is killed at any moment (the JVM running the
 * build destroyed, as by {@code kill -9}) leaves the table with exactly its old rows or exactly its
 * new ones, and adds at most one snapshot. Trino keeps running a query whose client died until it
 * completes or the client timeout abandons it, so after each kill the test waits until the server
 * runs no query on the test's schema before it reads the table. A query whose every task is done,
 * left waiting only for the dead client, can change nothing more: the test ends it as the timeout
 * would, 30 s sooner.
 */
class TestTrinoIncrementalKill {
    private static final int ROWS = 500 * 1000;
    // the testing server abandons a query whose client stopped polling after 30 s (query.client.timeout)
    private static final Duration QUERY_WAIT = Duration.ofMinutes(2);

    private final String schema = "smelt_kill" + ProcessHandle.current().pid() % 10000;

    @TempDir
    Path dir;

    private int builds;

    @Test
    void aMergeKilledAtAnyPointLeavesTheOldOrTheNewRowsAndAtMostOneSnapshot() throws Exception {
        Path project = writeProject();
        assertThat(build(project, 1, -1)).as("first build").isZero();
        assertThat(state()).isEqualTo(expected(1));
        long snapshots = snapshots();
        // an incremental build that is not killed, to time one
        long start = System.nanoTime();
        assertThat(build(project, 2, -1)).as("second build").isZero();
        long buildMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(state()).isEqualTo(expected(2));
        assertThat(snapshots()).as("snapshots after one merge").isEqualTo(snapshots + 1);
        snapshots++;
        List<String> seen = new ArrayList<>();
        int round = 2;
        // kills from JVM start-up through building the new rows and the merge to just after the commit
        for (double fraction : new double[] {0.4, 0.75, 0.95, 1.05}) {
            long delayMillis = (long) (buildMillis * fraction);
            int next = round + 1;
            int exit = build(project, next, delayMillis);
            long waitedMillis = waitUntilNoQueryRuns();
            String state = state();
            long added = snapshots() - snapshots;
            seen.add(delayMillis + " ms: exit " + exit + ", waited " + waitedMillis + " ms, " + state + ", +" + added + " snapshots");
            // exactly the old rows or exactly the new ones, never a mix or a partial table
            assertThat(state).as("after a kill at %d ms", delayMillis).isIn(expected(round), expected(next));
            boolean advanced = state.equals(expected(next));
            assertThat(added).as("snapshots added by the round killed at %d ms (%s)", delayMillis, advanced ? "new rows" : "old rows")
                    .isEqualTo(advanced ? 1 : 0);
            snapshots += added;
            if (advanced) {
                round = next;
            }
        }
        System.out.println("build " + buildMillis + " ms; kill outcomes: " + seen);
        // at least one build was really killed, or the test proved nothing
        assertThat(seen).as("outcomes").anyMatch(s -> s.contains("exit " + TestingChildBuild.KILLED));
        assertThat(build(project, round + 1, -1)).as("a build after the kills").isZero();
        assertThat(state()).isEqualTo(expected(round + 1));
        assertThat(snapshots()).isEqualTo(snapshots + 1);
    }

    private int build(Path project, int round, long killAfterMillis) {
        Path log = dir.resolve("build-" + (++builds) + "-round-" + round + ".log");
        return TestingChildBuild.run(project, "{round: " + round + "}", killAfterMillis, log);
    }

    /** What {@link #state} reads when the table holds exactly the rows of {@code round}. */
    private static String expected(int round) {
        return ROWS + " rows, " + ROWS + " ids, rounds " + round + ".." + round + ", 0 wrong";
    }

    /** Rows, distinct ids, the rounds the rows come from, and how many rows' payload is not their round's. */
    private String state() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*), count(distinct id), min(round), max(round),"
                        + " count_if(h <> to_hex(md5(to_utf8(cast(id * round as varchar))))) from " + schema + ".merged")) {
            result.next();
            return result.getLong(1) + " rows, " + result.getLong(2) + " ids, rounds " + result.getInt(3) + ".." + result.getInt(4)
                    + ", " + result.getLong(5) + " wrong";
        }
    }

    private long snapshots() throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*) from " + schema + ".\"merged$snapshots\"")) {
            result.next();
            return result.getLong(1);
        }
    }

    /**
     * Waits until the server runs no query that names the test's schema, and ends those whose every
     * task is done (only their result waits for the dead client); returns how long that took.
     */
    private long waitUntilNoQueryRuns() throws Exception {
        long start = System.nanoTime();
        long deadline = start + QUERY_WAIT.toNanos();
        Set<String> idleBefore = Set.of();
        try (Connection connection = connect();
                Statement statement = connection.createStatement()) {
            while (true) {
                List<String> running = new ArrayList<>();
                try (ResultSet result = statement.executeQuery("select query_id, state from system.runtime.queries"
                        + " where state not in ('FINISHED', 'FAILED') and " + namesSchema("query"))) {
                    while (result.next()) {
                        running.add(result.getString(1) + " " + result.getString(2));
                    }
                }
                if (running.isEmpty()) {
                    return (System.nanoTime() - start) / 1_000_000;
                }
                assertThat(System.nanoTime()).as("queries still running after %s: %s", QUERY_WAIT, running).isLessThan(deadline);
                // ended only when seen so twice, so none is ended in the moment between its last task and its commit
                Set<String> idle = awaitingDeadClient(statement);
                for (String done : idle) {
                    if (idleBefore.contains(done)) {
                        statement.execute("call system.runtime.kill_query(query_id => '" + done + "', message => 'its client was killed')");
                    }
                }
                idleBefore = idle;
                Thread.sleep(200);
            }
        }
    }

    /**
     * Queries whose every task has finished or only holds output that no client will fetch, so that
     * only the result's delivery (RUNNING) or the client's last call (FINISHING) keeps them open.
     */
    private Set<String> awaitingDeadClient(Statement statement) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (ResultSet result = statement.executeQuery("select q.query_id from system.runtime.queries q"
                + " join system.runtime.tasks t on t.query_id = q.query_id where q.state in ('RUNNING', 'FINISHING') and " + namesSchema("q.query")
                + " group by q.query_id having count_if(t.state not in ('FLUSHING', 'FINISHED')) = 0")) {
            while (result.next()) {
                ids.add(result.getString(1));
            }
        }
        return ids;
    }

    /** The test's own queries: those naming its schema, but not these that watch them. */
    private String namesSchema(String column) {
        return column + " like '%" + schema + "%' and " + column + " not like '%system.runtime.%'";
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", "smelt");
        return DriverManager.getConnection(TestingTrinoServer.shared().jdbcUrl() + "/" + TestingTrinoServer.shared().icebergCatalog(),
                properties);
    }

    private Path writeProject() throws Exception {
        Path project = dir.resolve("kill");
        Files.createDirectories(project.resolve("models"));
        Files.writeString(project.resolve("dbt_project.yml"), "name: kill\nversion: '1.0.0'\nconfig-version: 2\nprofile: kill\n");
        Map<String, Object> fields = TrinoTestEngine.fields(schema);
        fields.put("threads", 1);
        TestingProjects.writeProfile(project, fields);
        // sequence() makes at most 10,000 elements, so the rows are a cross join of two
        Files.writeString(project.resolve("models/merged.sql"), """
                {{ config(materialized='incremental', incremental_strategy='merge', unique_key='id') }}
                select x * 1000 + y as id, {{ var('round') }} as round,
                    to_hex(md5(to_utf8(cast((x * 1000 + y) * {{ var('round') }} as varchar)))) as h
                from unnest(sequence(0, 499)) as a (x)
                cross join unnest(sequence(0, 999)) as b (y)
                """);
        return project;
    }

    @AfterEach
    void dropSchema() {
        new TrinoTestEngine().dropSchemas(dir, schema);
    }
}
