package io.smelt.adapter.testing;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.Relation;
import io.smelt.adapter.Session;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Several sessions writing at once, as a run with {@code --threads} does: each worker replaces its
 * own tables and views in one shared schema while all of them keep creating the same schemas. An
 * engine that declares no concurrent writes runs them with one worker: its sessions must still work
 * one after another.
 */
public interface ConcurrencyContractTests extends AdapterFixture {
    default int concurrencyThreads() {
        return 8;
    }

    default int concurrencyRounds() {
        return 10;
    }

    /** The workers to run: one where the engine declares no concurrent writes, so it must still serve sessions one after another. */
    private int workers() {
        return hasBehavior(AdapterBehavior.CONCURRENT_WRITES) ? concurrencyThreads() : 1;
    }

    @Test
    default void concurrentSessionsReplaceTheirOwnRelations() throws Exception {
        Adapter adapter = adapter();
        String database = adapter.defaultDatabase();
        String shared = schema() + "_shared";
        int rounds = concurrencyRounds();
        List<String> schemas = new ArrayList<>();
        schemas.add(shared);
        for (int round = 0; round < rounds; round++) {
            schemas.add(schema() + "_r" + round);
        }
        try {
            runWorkers(worker -> () -> {
                try (Session session = adapter.openSession()) {
                    Relation table = new Relation(database, shared, "t" + worker, null);
                    Relation fresh = table.withIdentifier("t" + worker + "__tmp");
                    Relation old = table.withIdentifier("t" + worker + "__old");
                    Relation view = table.withIdentifier("v" + worker);
                    for (int round = 0; round < rounds; round++) {
                        session.createSchema(database, shared);
                        // every worker creates this round's new schema at the same moment
                        session.createSchema(database, schemas.get(round + 1));
                        boolean transaction = hasBehavior(AdapterBehavior.TRANSACTIONS) && round % 3 == 1;
                        if (transaction) {
                            session.begin();
                        }
                        session.execute("DROP TABLE IF EXISTS " + adapter.render(fresh));
                        session.execute("CREATE TABLE " + adapter.render(fresh) + " AS SELECT " + round + " AS round, " + worker + " AS worker");
                        if (round > 0) {
                            session.execute(renameSql(table, old));
                        }
                        session.execute(renameSql(fresh, table));
                        session.execute("DROP TABLE IF EXISTS " + adapter.render(old));
                        session.execute("DROP VIEW IF EXISTS " + adapter.render(view));
                        session.execute("CREATE VIEW " + adapter.render(view) + " AS SELECT round, worker FROM " + adapter.render(table));
                        if (transaction) {
                            session.commit();
                        }
                    }
                }
                return null;
            });

            List<String> expected = new ArrayList<>();
            for (int worker = 0; worker < workers(); worker++) {
                expected.add("t" + worker);
                expected.add("v" + worker);
                Relation view = new Relation(database, shared, "v" + worker, null);
                assertThat(session().execute("SELECT round, worker FROM " + adapter.render(view), true, -1).rows())
                        .containsExactly(List.of((long) rounds - 1, (long) worker));
            }
            assertThat(names(session().listRelations(database, shared))).containsExactlyInAnyOrderElementsOf(expected);
        }
        finally {
            dropSchemas(schemas);
        }
    }

    @Test
    default void concurrentTransactionsCreateOneNewSchema() throws Exception {
        if (!hasBehavior(AdapterBehavior.TRANSACTIONS)) {
            UnsupportedBehaviors.assertTransactionsRefused(this);
            return;
        }
        Adapter adapter = adapter();
        String database = adapter.defaultDatabase();
        int rounds = Math.max(3, concurrencyRounds() / 5);
        List<String> schemas = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            schemas.add(schema() + "_tx" + round);
        }
        try {
            runWorkers(worker -> () -> {
                try (Session session = adapter.openSession()) {
                    for (String target : schemas) {
                        session.begin();
                        session.createSchema(database, target);
                        session.execute("CREATE TABLE " + adapter.render(new Relation(database, target, "w" + worker, null))
                                + " AS SELECT " + worker + " AS worker");
                        session.commit();
                    }
                }
                return null;
            });
            for (String target : schemas) {
                assertThat(session().listRelations(database, target)).hasSize(workers());
            }
        }
        finally {
            dropSchemas(schemas);
        }
    }

    /** A worker's task, given its number. */
    interface Worker {
        Callable<Void> task(int worker);
    }

    private void runWorkers(Worker worker) throws InterruptedException {
        ExecutorService pool = Executors.newFixedThreadPool(workers());
        List<Throwable> failures = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<Void>> futures = new ArrayList<>();
            for (int i = 0; i < workers(); i++) {
                futures.add(pool.submit(worker.task(i)));
            }
            for (Future<Void> future : futures) {
                try {
                    future.get(5, TimeUnit.MINUTES);
                }
                catch (Exception e) {
                    failures.add(e.getCause() == null ? e : e.getCause());
                }
            }
        }
        finally {
            pool.shutdownNow();
            pool.awaitTermination(1, TimeUnit.MINUTES);
        }
        assertThat(failures).as("errors from the workers").isEmpty();
    }

    private void dropSchemas(List<String> schemas) {
        for (String name : schemas) {
            session().execute(dropSchemaSql(name));
        }
    }
}
