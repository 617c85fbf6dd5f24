package io.smelt.adapter.testing;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.Column;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.adapter.RelationType;
import io.smelt.adapter.Session;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The contract every engine's adapter must keep, run against the real engine. An engine's test
 * class extends this, creates its adapter in {@link #createAdapter(Path)} and turns off what its
 * engine lacks in {@link #hasBehavior(AdapterBehavior)}; SQL the engines spell differently comes from
 * the overridable methods near the end.
 *
 * <p>Each test works in a schema of its own, created through {@link Session#createSchema} and
 * dropped afterwards. The transaction, seed and concurrency tests live in {@link
 * TransactionContractTests}, {@link SeedContractTests} and {@link ConcurrencyContractTests}, whose
 * default methods this class inherits. Where the engine lacks a behavior, its test asserts that
 * using it fails with a clear error instead ({@link UnsupportedBehaviors}).
 */
public abstract class BaseAdapterTest implements TransactionContractTests, SeedContractTests, ConcurrencyContractTests {
    private static final AtomicInteger SCHEMAS = new AtomicInteger();

    @TempDir
    protected Path tempDir;
    protected Adapter adapter;
    protected Session session;
    protected String schema;

    /** A new adapter for one test; files it needs may go under {@code tempDir}. */
    protected abstract Adapter createAdapter(Path tempDir);

    /** Whether the engine under test has a behavior; the defaults follow its capabilities. */
    @Override
    public boolean hasBehavior(AdapterBehavior behavior) {
        return switch (behavior) {
            case TRANSACTIONS -> adapter.capabilities().transactions();
            case MERGE -> adapter.capabilities().merge();
            case CREATE_OR_REPLACE_TABLE -> adapter.capabilities().createOrReplaceTable();
            case CONCURRENT_WRITES -> adapter.capabilities().concurrentWrites();
            case CANCEL -> longRunningQuery() != null;
            default -> true;
        };
    }

    @BeforeEach
    final void openAdapter() {
        adapter = createAdapter(tempDir);
        session = adapter.openSession();
        schema = "smelt_t" + ProcessHandle.current().pid() % 10000 + "_" + SCHEMAS.incrementAndGet();
        session.createSchema(adapter.defaultDatabase(), schema);
    }

    @AfterEach
    final void closeAdapter() {
        if (adapter == null) {
            return;
        }
        try (Session cleanup = adapter.openSession()) {
            cleanup.execute(dropSchemaSql(schema));
        }
        catch (RuntimeException e) {
            // best effort: the adapter's own database is discarded with the test anyway
        }
        adapter.close();
    }

    // ---- adapter basics

    @Test
    public void describesItself() {
        assertThat(adapter.type()).isNotBlank();
        assertThat(adapter.dispatchOrder()).contains(adapter.type());
        assertThat(adapter.threads()).isPositive();
        assertThat(adapter.defaultSchema()).isNotBlank();
        assertThat(adapter.describe()).isNotEmpty();
        assertThat(adapter.macroResources()).allSatisfy((name, text) -> assertThat(text).isNotNull());
        assertThat(adapter.capabilities().incrementalStrategies()).contains("append");
    }

    // ---- execute and typed values

    @Test
    public void fetchesTypedValues() {
        QueryResult result = session.execute(typedValuesQuery(), true, -1);
        assertThat(result.columns()).hasSize(9);
        List<Object> row = result.rows().get(0);
        assertThat(row.get(0)).isEqualTo(42L);
        assertThat(row.get(1)).isEqualTo(9_876_543_210L);
        assertThat((BigDecimal) row.get(2)).isEqualByComparingTo("12.34");
        assertThat(row.get(3)).isEqualTo(1.5d);
        assertThat(row.get(4)).isEqualTo("it's \"quoted\"");
        assertThat(row.get(5)).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(row.get(6)).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_000_000));
        assertThat(row.get(7)).isNull();
        assertThat(row.get(8)).isEqualTo(Boolean.TRUE);
        assertThat(result.columns().get(4).name()).isEqualToIgnoringCase("s");
    }

    @Test
    public void keepsAtMostMaxRows() {
        String sql = "SELECT n FROM (VALUES (1), (2), (3), (4), (5)) AS v(n) ORDER BY n";
        assertThat(session.execute(sql, true, 2).rows()).containsExactly(List.of(1L), List.of(2L));
        assertThat(session.execute(sql, true, -1).rows()).hasSize(5);
        assertThat(session.execute(sql, false, -1).rows()).isEmpty();
    }

    @Test
    public void reportsRowsAffected() {
        Relation table = relation("affected");
        session.execute("CREATE TABLE " + adapter.render(table) + " AS SELECT 1 AS id");
        QueryResult insert = session.execute("INSERT INTO " + adapter.render(table) + " SELECT n FROM (VALUES (2), (3), (4)) AS v(n)");
        if (hasBehavior(AdapterBehavior.ROWS_AFFECTED)) {
            assertThat(insert.rowsAffected()).isEqualTo(3);
        }
        else {
            // an engine that does not promise the count may still give it, but never a wrong one
            assertThat(insert.rowsAffected()).isIn(-1L, 3L);
        }
        assertThat(count(table)).isEqualTo(4);
    }

    // ---- catalog

    @Test
    public void listsTablesAndViews() {
        session.execute("CREATE TABLE " + adapter.render(relation("orders")) + " AS SELECT 1 AS id");
        session.execute("CREATE VIEW " + adapter.render(relation("orders_v")) + " AS SELECT id FROM " + adapter.render(relation("orders")));
        List<Relation> relations = session.listRelations(adapter.defaultDatabase(), schema);
        assertThat(relations).hasSize(2);
        for (Relation relation : relations) {
            assertThat(adapter.normalizeIdentifier(relation.schema())).isEqualTo(adapter.normalizeIdentifier(schema));
            String name = adapter.normalizeIdentifier(relation.identifier());
            assertThat(relation.type()).isEqualTo(name.equals("orders") ? RelationType.TABLE : RelationType.VIEW);
        }
        assertThat(session.listRelations(adapter.defaultDatabase(), schema + "_missing")).isEmpty();
    }

    @Test
    public void listsColumnsInOrder() {
        Relation table = relation("wide");
        session.execute("CREATE TABLE " + adapter.render(table)
                + " AS SELECT CAST(1 AS INTEGER) AS zeta, CAST('x' AS " + adapter.mapType("string") + ") AS alpha,"
                + " CAST(1.5 AS DECIMAL(10,2)) AS mid, DATE '2024-01-01' AS day");
        List<Column> columns = session.columns(table);
        assertThat(columns).extracting(c -> adapter.normalizeIdentifier(c.name())).containsExactly("zeta", "alpha", "mid", "day");
        assertThat(columns.get(2).dataType().replace(" ", "")).isEqualToIgnoringCase("decimal(10,2)");
        assertThat(columns.get(3).dataType()).isEqualToIgnoringCase("date");
        assertThat(session.columns(relation("missing"))).isEmpty();
    }

    @Test
    public void createSchemaIsIdempotent() {
        String other = schema + "_b";
        session.createSchema(adapter.defaultDatabase(), other);
        session.createSchema(adapter.defaultDatabase(), other);
        try {
            assertThat(session.listRelations(adapter.defaultDatabase(), other)).isEmpty();
            Relation table = new Relation(adapter.defaultDatabase(), other, "t", null);
            session.execute("CREATE TABLE " + adapter.render(table) + " AS SELECT 1 AS id");
            assertThat(names(session.listRelations(adapter.defaultDatabase(), other))).containsExactly("t");
        }
        finally {
            session.execute(dropSchemaSql(other));
        }
    }

    @Test
    public void oddIdentifiersRoundTrip() {
        if (!hasBehavior(AdapterBehavior.ODD_IDENTIFIERS)) {
            UnsupportedBehaviors.assertEngineRefuses(() -> session.execute("CREATE TABLE " + adapter.render(relation("odd_columns"))
                    + " AS SELECT 7 AS " + adapter.quote("with space")));
            return;
        }
        List<String> expected = new ArrayList<>();
        for (String name : oddIdentifiers()) {
            Relation table = relation(name);
            session.execute("CREATE TABLE " + adapter.render(table) + " AS SELECT 7 AS " + adapter.quote(name));
            assertThat(session.execute("SELECT " + adapter.quote(name) + " FROM " + adapter.render(table), true, -1).rows())
                    .containsExactly(List.of(7L));
            assertThat(session.columns(table)).extracting(c -> adapter.normalizeIdentifier(c.name()))
                    .containsExactly(adapter.normalizeIdentifier(name));
            expected.add(name.toLowerCase(Locale.ROOT));
        }
        assertThat(names(session.listRelations(adapter.defaultDatabase(), schema))).containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    public void renamesTables() {
        Relation from = relation("before_rename");
        Relation to = relation("after_rename");
        session.execute("CREATE TABLE " + adapter.render(from) + " AS SELECT 1 AS id");
        session.execute(renameSql(from, to));
        assertThat(names(session.listRelations(adapter.defaultDatabase(), schema))).containsExactly("after_rename");
        assertThat(count(to)).isEqualTo(1);
    }

    @Test
    public void createsOrReplacesTables() {
        Relation table = relation("replaced");
        if (!hasBehavior(AdapterBehavior.CREATE_OR_REPLACE_TABLE)) {
            UnsupportedBehaviors.assertEngineRefuses(() -> session.execute("CREATE OR REPLACE TABLE " + adapter.render(table) + " AS SELECT 1 AS id"));
            return;
        }
        session.execute("CREATE OR REPLACE TABLE " + adapter.render(table) + " AS SELECT 1 AS id");
        session.execute("CREATE OR REPLACE TABLE " + adapter.render(table) + " AS SELECT n AS id FROM (VALUES (1), (2)) AS v(n)");
        assertThat(count(table)).isEqualTo(2);
    }

    @Test
    public void mergesWhenTheEngineSaysItCan() {
        Relation target = relation("merge_target");
        session.execute("CREATE TABLE " + adapter.render(target)
                + " AS SELECT id, v FROM (VALUES (1, 'a'), (2, 'b')) AS t(id, v)");
        String merge = "MERGE INTO " + adapter.render(target) + " AS t"
                + " USING (SELECT id, v FROM (VALUES (2, 'z'), (3, 'c')) AS s(id, v)) AS s ON t.id = s.id"
                + " WHEN MATCHED THEN UPDATE SET v = s.v"
                + " WHEN NOT MATCHED THEN INSERT (id, v) VALUES (s.id, s.v)";
        if (!hasBehavior(AdapterBehavior.MERGE)) {
            UnsupportedBehaviors.assertEngineRefuses(() -> session.execute(merge));
            assertThat(count(target)).isEqualTo(2);
            return;
        }
        session.execute(merge);
        assertThat(session.execute("SELECT id, v FROM " + adapter.render(target) + " ORDER BY id", true, -1).rows())
                .containsExactly(List.of(1L, "a"), List.of(2L, "z"), List.of(3L, "c"));
    }

    // ---- errors and cancel

    @Test
    public void syntaxErrorCarriesLine() {
        String sql = "SELECT 1 AS a,\n  2 AS b\nFROM (SELECT 3) AS x WHERE AND";
        assertThatThrownBy(() -> session.execute(sql))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.getMessage()).isNotBlank().doesNotContain("java.", "Exception");
                });
        // the session stays usable
        assertThat(session.execute("SELECT 1", true, -1).rows()).containsExactly(List.of(1L));
    }

    @Test
    public void missingTableNamesIt() {
        assertThatThrownBy(() -> session.execute("SELECT * FROM " + adapter.render(relation("nowhere_table"))))
                .isInstanceOf(EngineException.class)
                .hasMessageContaining("nowhere_table")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("java.", "SQLException"));
    }

    @Test
    public void cancelsFromAnotherThread() throws Exception {
        if (!hasBehavior(AdapterBehavior.CANCEL)) {
            // cancel is best effort, so without a query to cancel the contract is that it harms nothing
            session.cancel();
            assertThat(session.execute("SELECT 2", true, -1).rows()).containsExactly(List.of(2L));
            return;
        }
        AtomicBoolean finished = new AtomicBoolean();
        // cancel only touches a running statement, so keep cancelling until the query gives up
        Thread canceller = new Thread(() -> {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (!finished.get() && System.nanoTime() < deadline) {
                try {
                    Thread.sleep(200);
                }
                catch (InterruptedException e) {
                    return;
                }
                session.cancel();
            }
        });
        long start = System.nanoTime();
        canceller.start();
        try {
            assertThatThrownBy(() -> session.execute(longRunningQuery(), true, -1)).isInstanceOf(EngineException.class);
        }
        finally {
            finished.set(true);
            canceller.join();
        }
        assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(30_000);
        assertThat(session.execute("SELECT 2", true, -1).rows()).containsExactly(List.of(2L));
    }

    @Test
    public void closingTheAdapterClosesSessions() {
        Session extra = adapter.openSession();
        adapter.close();
        assertThatThrownBy(() -> extra.execute("SELECT 1")).isInstanceOf(RuntimeException.class);
        adapter = null;
    }

    // ---- engine-specific SQL, overridable

    /**
     * One row: int 42, bigint 9876543210, decimal 12.34, double 1.5, a string with quotes, date
     * 2024-02-29, timestamp 2024-02-29 13:45:30.123, a null and true.
     */
    protected String typedValuesQuery() {
        return "SELECT CAST(42 AS INTEGER) AS i, CAST(9876543210 AS BIGINT) AS b, CAST(12.34 AS DECIMAL(10,2)) AS d,"
                + " CAST(1.5 AS DOUBLE) AS f, 'it''s \"quoted\"' AS s, DATE '2024-02-29' AS day,"
                + " TIMESTAMP '2024-02-29 13:45:30.123' AS ts, CAST(NULL AS INTEGER) AS nothing, TRUE AS yes";
    }

    /**
     * Names with spaces, a double quote, mixed case and a reserved word, for the identifier round
     * trip; an engine that mangles one of them (instead of refusing it) leaves it out.
     */
    protected List<String> oddIdentifiers() {
        return List.of("Mixed Case", "with space", "quo\"te", "select");
    }

    /** A query that runs for many seconds, for the cancel test; null leaves only the check that an idle cancel harms nothing. */
    protected String longRunningQuery() {
        return null;
    }

    // ---- helpers

    @Override
    public Relation relation(String identifier) {
        return new Relation(adapter.defaultDatabase(), schema, identifier, null);
    }

    @Override
    public long count(Relation relation) {
        Object value = session.execute("SELECT count(*) FROM " + adapter.render(relation), true, -1).rows().get(0).get(0);
        return ((Number) value).longValue();
    }

    @Override
    public List<String> names(List<Relation> relations) {
        List<String> names = new ArrayList<>();
        for (Relation relation : relations) {
            names.add(adapter.normalizeIdentifier(relation.identifier()).toLowerCase(Locale.ROOT));
        }
        return names;
    }

    @Override
    public Adapter adapter() {
        return adapter;
    }

    @Override
    public Session session() {
        return session;
    }

    @Override
    public String schema() {
        return schema;
    }

    @Override
    public Path tempDir() {
        return tempDir;
    }
}
