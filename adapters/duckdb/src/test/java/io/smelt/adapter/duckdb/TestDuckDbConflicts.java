package io.smelt.adapter.duckdb;

import io.smelt.adapter.EngineException;
import io.smelt.adapter.Relation;
import io.smelt.adapter.Session;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Write conflicts made on purpose: one session holds an uncommitted {@code CREATE SCHEMA} while
 * another creates the same schema, the race that {@code --threads} runs produce.
 */
class TestDuckDbConflicts {
    @TempDir
    Path project;
    private DuckDbAdapter adapter;
    private Session holder;
    private Session racer;

    @BeforeEach
    void open() {
        adapter = (DuckDbAdapter) new DuckDbAdapterFactory().create(TestDuckDbAdapter.target(project, Map.of("type", "duckdb", "path", "race.duckdb")));
        holder = adapter.openSession();
        racer = adapter.openSession();
    }

    @AfterEach
    void close() {
        adapter.close();
    }

    private CompletableFuture<Void> inOtherThread(Runnable work) {
        return CompletableFuture.runAsync(work);
    }

    @Test
    void autocommitStatementWaitsOutTheOtherTransaction() throws Exception {
        holder.begin();
        holder.createSchema("race", "staging");
        CompletableFuture<Void> racing = inOtherThread(() -> racer.createSchema("race", "staging"));
        Thread.sleep(150);
        holder.execute("CREATE TABLE race.staging.a AS SELECT 1 AS id");
        holder.commit();
        racing.get(30, TimeUnit.SECONDS);
        assertThat(adapter.conflictRetries(false)).isPositive();
        assertThat(racer.listRelations("race", "staging")).extracting(Relation::identifier).containsExactly("a");
    }

    @Test
    void transactionIsReplayedAfterAConflict() throws Exception {
        holder.begin();
        holder.createSchema("race", "marts");
        CompletableFuture<Void> racing = inOtherThread(() -> {
            racer.begin();
            racer.execute("CREATE TABLE race.main.before_conflict AS SELECT 1 AS id");
            racer.createSchema("race", "marts");
            racer.execute("CREATE TABLE race.marts.b AS SELECT 2 AS id");
            racer.commit();
        });
        Thread.sleep(150);
        holder.execute("CREATE TABLE race.marts.a AS SELECT 1 AS id");
        holder.commit();
        racing.get(30, TimeUnit.SECONDS);
        assertThat(adapter.conflictRetries(true)).isPositive();
        assertThat(racer.listRelations("race", "marts")).extracting(Relation::identifier).containsExactly("a", "b");
        // the replay ran the earlier statement once more, in the new transaction, not twice over
        assertThat(racer.execute("SELECT count(*) FROM race.main.before_conflict", true, -1).rows().get(0).get(0)).isEqualTo(1L);
    }

    @Test
    void conflictIsReportedOnceTheTransactionHasShownRows() throws Exception {
        holder.begin();
        holder.createSchema("race", "seen");
        CompletableFuture<Void> racing = inOtherThread(() -> {
            racer.begin();
            racer.execute("SELECT 1", true, -1);
            try {
                assertThatThrownBy(() -> racer.createSchema("race", "seen"))
                        .isInstanceOf(EngineException.class)
                        .hasMessageContaining("write-write conflict");
            }
            finally {
                racer.rollback();
            }
        });
        racing.get(30, TimeUnit.SECONDS);
        holder.commit();
        assertThat(adapter.conflictRetries(true)).isZero();
    }

    @Test
    void failedCommitEndsTheTransaction() {
        holder.execute("CREATE TABLE race.main.keys (k INTEGER PRIMARY KEY)");
        holder.begin();
        racer.begin();
        holder.execute("INSERT INTO race.main.keys VALUES (1)");
        racer.execute("INSERT INTO race.main.keys VALUES (1)");
        holder.commit();
        assertThatThrownBy(racer::commit).isInstanceOf(EngineException.class).hasMessageContaining("PRIMARY KEY");
        assertThat(racer.inTransaction()).isFalse();
        racer.rollback();
        racer.begin();
        racer.execute("INSERT INTO race.main.keys VALUES (2)");
        racer.rollback();
        assertThat(racer.execute("SELECT count(*) FROM race.main.keys", true, -1).rows().get(0).get(0)).isEqualTo(1L);
    }

    @Test
    void conflictingUpdatesAreRetriedInAutocommit() throws Exception {
        holder.execute("CREATE TABLE race.main.counter AS SELECT 0 AS n");
        holder.begin();
        holder.execute("UPDATE race.main.counter SET n = n + 1");
        CompletableFuture<Void> racing = inOtherThread(() -> racer.execute("UPDATE race.main.counter SET n = n + 10"));
        Thread.sleep(150);
        holder.commit();
        racing.get(30, TimeUnit.SECONDS);
        assertThat(racer.execute("SELECT n FROM race.main.counter", true, -1).rows().get(0).get(0)).isEqualTo(11L);
    }
}
