package io.smelt.adapter.duckdb;

import io.smelt.adapter.testing.TestingChildBuild;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A merge killed at any moment (the JVM running it destroyed, as by {@code kill -9} or an OOM killer)
 * leaves the table with exactly its old rows or exactly its new ones. A child JVM runs the build; the
 * test kills it after a growing delay and then reads the database file the way the next run would.
 */
class TestIncrementalKill {
    private static final int ROWS = 1_000_000;

    @TempDir
    Path dir;

    @Test
    void aMergeKilledAtAnyPointLeavesTheOldOrTheNewRows() throws Exception {
        Path project = writeProject();
        assertThat(runChild(project, 1, -1)).as("first build").isZero();
        assertThat(state(project)).isEqualTo(ROWS + "|1|1");
        // an incremental build that is not killed, to time one
        long start = System.nanoTime();
        assertThat(runChild(project, 2, -1)).as("second build").isZero();
        long buildMillis = (System.nanoTime() - start) / 1_000_000;
        assertThat(state(project)).isEqualTo(ROWS + "|2|2");
        List<String> seen = new ArrayList<>();
        int round = 2;
        // kills from JVM start-up through the merge to just after the commit
        for (double fraction : new double[] {0.4, 0.7, 0.85, 0.95, 1.05}) {
            long delayMillis = (long) (buildMillis * fraction);
            int next = round + 1;
            int exit = runChild(project, next, delayMillis);
            String state = state(project);
            seen.add(delayMillis + " ms: exit " + exit + ", " + state);
            // exactly the old rows or exactly the new ones, never a mix or a partial table
            assertThat(state).as("after a kill at %d ms", delayMillis).isIn(ROWS + "|" + round + "|" + round, ROWS + "|" + next + "|" + next);
            if (state.endsWith("|" + next)) {
                round = next;
            }
        }
        System.out.println("build " + buildMillis + " ms; kill outcomes: " + seen);
        // at least one build was really killed, or the test proved nothing
        assertThat(seen).as("outcomes").anyMatch(s -> s.contains("exit " + TestingChildBuild.KILLED));
        assertThat(runChild(project, round + 1, -1)).as("a build after the kills").isZero();
        assertThat(state(project)).isEqualTo(ROWS + "|" + (round + 1) + "|" + (round + 1));
    }

    /** Runs one build in a child JVM; kills it after {@code killAfterMillis} unless that is negative. */
    private int runChild(Path project, int round, long killAfterMillis) {
        return TestingChildBuild.run(project, "{round: " + round + "}", killAfterMillis, dir.resolve("child-" + round + ".log"));
    }

    /** "rows|min(round)|max(round)" of the model's table, read as the next run would open it. */
    private String state(Path project) throws Exception {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + project.resolve("kill.duckdb"));
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("select count(*), min(round), max(round) from main.merged")) {
            result.next();
            return result.getLong(1) + "|" + result.getInt(2) + "|" + result.getInt(3);
        }
    }

    private Path writeProject() throws Exception {
        Path project = dir.resolve("kill");
        Files.createDirectories(project.resolve("models"));
        Files.writeString(project.resolve("dbt_project.yml"), "name: kill\nversion: '1.0.0'\nconfig-version: 2\nprofile: kill\n");
        Files.writeString(project.resolve("profiles.yml"), "kill:\n  target: test\n  outputs:\n    test:\n      type: duckdb\n"
                + "      path: '" + project.resolve("kill.duckdb") + "'\n      threads: 1\n");
        Files.writeString(project.resolve("models/merged.sql"), """
                {{ config(materialized='incremental', incremental_strategy='merge', unique_key='id') }}
                select range as id, {{ var('round') }} as round, md5(cast(range * {{ var('round') }} as varchar)) as h
                from range(%d)
                """.formatted(ROWS));
        return project;
    }
}
