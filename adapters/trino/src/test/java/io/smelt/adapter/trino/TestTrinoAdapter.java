package io.smelt.adapter.trino;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.adapter.RelationType;
import io.smelt.adapter.SeedFile;
import io.smelt.adapter.TargetConfig;
import io.smelt.adapter.testing.BaseAdapterTest;
import io.smelt.adapter.testing.TestingTrinoServer;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contract suite on a real Trino server's Iceberg catalog, plus what only Trino has. */
class TestTrinoAdapter extends BaseAdapterTest {
    @Override
    protected Adapter createAdapter(Path tempDir) {
        return new TrinoAdapterFactory().create(target(tempDir, fields(TestingTrinoServer.shared().icebergCatalog())));
    }

    static Map<String, Object> fields(String catalog) {
        TestingTrinoServer server = TestingTrinoServer.shared();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", "trino");
        fields.put("host", server.host());
        fields.put("port", server.port());
        fields.put("user", "smelt");
        fields.put("catalog", catalog);
        fields.put("schema", "default");
        fields.put("threads", 4);
        return fields;
    }

    static TargetConfig target(Path projectDir, Map<String, Object> fields) {
        return new TargetConfig("shop", "dev", fields, Set.of(), projectDir, projectDir.resolve("target"), false);
    }

    /**
     * Trino lower-cases every name, quoted or not, which the suite allows for. What it cannot take is
     * a double quote inside a name: the Iceberg catalog's file metastore stores {@code quo"te} as
     * {@code quo%22te} and then lists it under that name, and {@code DROP SCHEMA ... CASCADE}
     * fails on it. As it accepts the name rather than refusing it, the name is left out.
     */
    @Override
    protected List<String> oddIdentifiers() {
        return List.of("Mixed Case", "with space", "select");
    }

    /** Trino resolves an unqualified new name against the session's schema, not the table's. */
    @Override
    public String renameSql(Relation from, Relation to) {
        return "ALTER TABLE " + adapter.render(from) + " RENAME TO " + adapter.render(to);
    }

    @Override
    protected String longRunningQuery() {
        return "SELECT sum(a.x * b.x * c.x) FROM UNNEST(sequence(1, 10000)) AS a(x)"
                + " CROSS JOIN UNNEST(sequence(1, 10000)) AS b(x) CROSS JOIN UNNEST(sequence(1, 10000)) AS c(x)";
    }

    @Test
    void capabilitiesAndNames() {
        assertThat(adapter.type()).isEqualTo("trino");
        assertThat(adapter.dispatchOrder()).containsExactly("trino");
        assertThat(adapter.capabilities().transactions()).isFalse();
        assertThat(adapter.capabilities().createOrReplaceTable()).isTrue();
        assertThat(adapter.capabilities().merge()).isTrue();
        assertThat(adapter.capabilities().incrementalStrategies()).containsExactlyInAnyOrder("append", "delete+insert", "merge", "insert_overwrite", "microbatch");
        assertThat(adapter.defaultDatabase()).isEqualTo("iceberg");
        assertThat(adapter.threads()).isEqualTo(4);
        assertThat(adapter.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(adapter.normalizeIdentifier("MixedCase")).isEqualTo("mixedcase");
        assertThat(adapter.macroResources()).containsKey("io/smelt/adapter/trino/macros/adapters.sql");
        assertThat(session.execute("SELECT current_catalog, current_schema", true, -1).rows()).containsExactly(List.of("iceberg", "default"));
    }

    @Test
    void memoryCatalogGetsTheRenameFallbackAndAppendOnly() {
        try (Adapter memory = new TrinoAdapterFactory().create(target(tempDir, fields(TestingTrinoServer.shared().memoryCatalog())))) {
            assertThat(memory.capabilities().createOrReplaceTable()).isFalse();
            assertThat(memory.capabilities().merge()).isFalse();
            assertThat(memory.capabilities().incrementalStrategies()).containsExactly("append");
        }
    }

    @Test
    void convertsTrinoTypes() {
        QueryResult result = session.execute("SELECT TINYINT '7' AS tiny, REAL '1.1' AS flt, ARRAY[1, 2, NULL] AS list,"
                + " CAST(ROW(1, DATE '2024-01-02') AS ROW(a integer, b date)) AS struct, MAP(ARRAY['k'], ARRAY[1.5e0]) AS map,"
                + " to_utf8('ab') AS bytes, TIMESTAMP '2024-05-06 07:08:09 +02:00' AS tstz, TIME '01:02:03.456' AS t,"
                + " CAST('8c1f1d52-3b60-4d7e-9a6e-3c0f9ad1b2c3' AS uuid) AS id, CAST(123.456 AS DECIMAL(38,3)) AS wide,"
                + " TIMESTAMP '2024-02-29 13:45:30.123456789' AS nanos, INTERVAL '3' DAY AS span, ROW(1, 'x') AS unnamed", true, -1);
        List<Object> row = result.rows().get(0);
        assertThat(row.get(0)).isEqualTo(7L);
        assertThat(row.get(1)).isEqualTo(1.1d);
        assertThat(row.get(2)).isEqualTo(java.util.Arrays.asList(1L, 2L, null));
        assertThat(row.get(3)).isEqualTo(Map.of("a", 1L, "b", LocalDate.of(2024, 1, 2)));
        assertThat(row.get(4)).isEqualTo(Map.of("k", 1.5d));
        assertThat(row.get(5)).isEqualTo("ab".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(row.get(6)).isEqualTo(OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.ofHours(2)));
        assertThat(row.get(7)).isEqualTo(LocalTime.of(1, 2, 3, 456_000_000));
        assertThat(row.get(8)).isEqualTo("8c1f1d52-3b60-4d7e-9a6e-3c0f9ad1b2c3");
        assertThat(row.get(9)).isEqualTo(new BigDecimal("123.456"));
        assertThat(row.get(10)).isEqualTo(LocalDateTime.of(2024, 2, 29, 13, 45, 30, 123_456_789));
        assertThat(row.get(11)).isEqualTo("3 00:00:00.000");
        assertThat(row.get(12)).isEqualTo(Map.of("field1", 1L, "field2", "x"));
        assertThat(result.columns().get(6).dataType()).isEqualTo("timestamp(0) with time zone");
        assertThat(result.queryId()).isNotBlank();
    }

    @Test
    void timestampsIgnoreTheJvmTimeZone() {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        try {
            // 02:30 on this day does not exist in Berlin (clocks jump from 02:00 to 03:00)
            assertThat(session.execute("SELECT TIMESTAMP '2021-03-28 02:30:00.000001', DATE '2021-03-28'", true, -1).rows().get(0))
                    .containsExactly(LocalDateTime.of(2021, 3, 28, 2, 30, 0, 1000), LocalDate.of(2021, 3, 28));
        }
        finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void errorsCarryQueryIdLineAndColumn() {
        String sql = "SELECT 1 AS a,\n  2 AS b\nFROM (SELECT 3) AS x WHERE AND";
        assertThatThrownBy(() -> session.execute(sql))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(28);
                    assertThat(e.queryId()).matches("\\d{8}_\\d{6}_\\d{5}_\\w+");
                    assertThat(e.getMessage()).startsWith("mismatched input 'AND'").doesNotContain("Query failed", "line 3");
                });
        assertThatThrownBy(() -> session.execute("SELECT no_such_column FROM (SELECT 1 AS a) AS t"))
                .isInstanceOfSatisfying(EngineException.class, e -> {
                    assertThat(e.getMessage()).isEqualTo("Column 'no_such_column' cannot be resolved");
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.column()).isEqualTo(8);
                });
    }

    @Test
    void messageReportsStatementTypeAndCount() {
        Relation table = relation("counted");
        QueryResult created = session.execute("CREATE TABLE " + adapter.render(table) + " AS SELECT x AS id FROM UNNEST(sequence(1, 3)) AS t(x)");
        assertThat(created.message()).isEqualTo("CREATE TABLE 3");
        assertThat(created.rowsAffected()).isEqualTo(3);
        assertThat(created.queryId()).isNotBlank();
        assertThat(session.execute("DELETE FROM " + adapter.render(table) + " WHERE id > 1").message()).isEqualTo("DELETE 2");
        assertThat(session.execute("SELECT * FROM " + adapter.render(table), true, -1).message()).isEqualTo("SELECT 1");
        QueryResult renamed = session.execute(renameSql(table, relation("counted_2")));
        assertThat(renamed.rowsAffected()).isEqualTo(-1);
        assertThat(renamed.message()).isEqualTo("RENAME TABLE");
    }

    @Test
    void listsMaterializedViewsAsSuch() {
        session.execute("CREATE TABLE " + adapter.render(relation("base")) + " AS SELECT 1 AS id");
        session.execute("CREATE MATERIALIZED VIEW " + adapter.render(relation("mv")) + " AS SELECT id FROM " + adapter.render(relation("base")));
        assertThat(session.listRelations(adapter.defaultDatabase(), schema)).extracting(Relation::identifier, Relation::type)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("base", RelationType.TABLE),
                        org.assertj.core.groups.Tuple.tuple("mv", RelationType.MATERIALIZED_VIEW));
        session.execute("DROP MATERIALIZED VIEW " + adapter.render(relation("mv")));
    }

    @Test
    void sessionPropertiesReachEveryConnection() {
        Map<String, Object> fields = fields(TestingTrinoServer.shared().icebergCatalog());
        fields.put("session_properties", Map.of("query_max_run_time", "17m", "iceberg.compression_codec", "GZIP"));
        try (Adapter configured = new TrinoAdapterFactory().create(target(tempDir, fields));
                io.smelt.adapter.Session other = configured.openSession()) {
            List<List<Object>> rows = other.execute("SHOW SESSION", true, -1).rows();
            assertThat(rows).anySatisfy(r -> assertThat(r.subList(0, 2)).containsExactly("query_max_run_time", "17m"));
            assertThat(rows).anySatisfy(r -> assertThat(r.subList(0, 2)).containsExactly("iceberg.compression_codec", "GZIP"));
        }
    }

    @Test
    void anUnreachableServerIsNamed() {
        Map<String, Object> fields = fields(TestingTrinoServer.shared().icebergCatalog());
        fields.put("port", 1);
        fields.put("retries", 2);
        try (Adapter unreachable = new TrinoAdapterFactory().create(target(tempDir, fields));
                io.smelt.adapter.Session other = unreachable.openSession()) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> other.execute("SELECT 1"))
                    .isInstanceOf(EngineException.class)
                    .hasMessage("cannot reach Trino at http://127.0.0.1:1: Connection refused");
            assertThat((System.nanoTime() - start) / 1_000_000).as("one retry after a second").isBetween(900L, 10_000L);
        }
    }

    @Test
    void seedTypesFollowDbtTrinoAndDuckDb() throws Exception {
        Path csv = Files.writeString(tempDir.resolve("types.csv"),
                "small,big,ratio,day,at,iso,flag,clock,text,empty\n"
                        + "1,3000000000,1.5,2024-01-01,2024-01-01 10:00:00,2024-03-01T00:17:23,true,10:00:00,x,\n"
                        + "-2,4,2,2024-02-29,2024-01-02 10:00:00.5,2024-03-01T00:17,False,11:00:00,y,\n");
        Relation table = relation("seed_types");
        assertThat(session.loadSeed(table, new SeedFile(csv, ",", Map.of("text", "varchar(5)"), true))).isEqualTo(2);
        assertThat(session.columns(table)).extracting(c -> c.dataType())
                .as("dbt's agate rules: '%Y-%m-%d %H:%M:%S' or ISO 8601 with a T is a datetime (so 10:00:00.5 after a"
                        + " space makes the column text), an all-empty column is an integer")
                .containsExactly("integer", "bigint", "double", "date", "varchar", "timestamp(6)", "boolean", "varchar", "varchar", "integer");
        assertThat(session.execute("SELECT iso, at, flag, empty FROM " + adapter.render(table) + " ORDER BY small", true, -1).rows())
                .containsExactly(
                        java.util.Arrays.asList(LocalDateTime.of(2024, 3, 1, 0, 17), "2024-01-02 10:00:00.5", false, null),
                        java.util.Arrays.asList(LocalDateTime.of(2024, 3, 1, 0, 17, 23), "2024-01-01 10:00:00", true, null));
    }

    @Test
    void seedCsvEdgeCases() throws Exception {
        Path csv = Files.writeString(tempDir.resolve("edges.csv"),
                "\uFEFFid,note\r\n1,\"two\nlines\"\r\n2,\"\"\"quoted\"\"\"\r\n\r\n3,plain\r\n");
        Relation table = relation("seed_edges");
        assertThat(session.loadSeed(table, new SeedFile(csv, ",", Map.of(), true))).isEqualTo(3);
        assertThat(session.execute("SELECT id, note FROM " + adapter.render(table) + " ORDER BY id", true, -1).rows())
                .containsExactly(List.of(1L, "two\nlines"), List.of(2L, "\"quoted\""), List.of(3L, "plain"));

        Path ragged = Files.writeString(tempDir.resolve("ragged.csv"), "a,b\n1,2\n3\n");
        assertThatThrownBy(() -> session.loadSeed(relation("seed_ragged"), new SeedFile(ragged, ",", Map.of(), true)))
                .isInstanceOf(EngineException.class).hasMessage("ragged.csv line 3: has 1 fields, the header has 2");
        Path empty = Files.writeString(tempDir.resolve("empty.csv"), "");
        assertThatThrownBy(() -> session.loadSeed(relation("seed_empty"), new SeedFile(empty, ",", Map.of(), true)))
                .isInstanceOf(EngineException.class).hasMessageContaining("needs a header line");
        Path headerOnly = Files.writeString(tempDir.resolve("header.csv"), "a,b\n");
        assertThat(session.loadSeed(relation("seed_header"), new SeedFile(headerOnly, ",", Map.of(), true))).isZero();
        assertThat(session.columns(relation("seed_header"))).hasSize(2);
    }

    @Test
    void seedsSplitIntoStatementsKeepEveryCharacter() throws Exception {
        StringBuilder text = new StringBuilder("id,note\n");
        for (int i = 0; i < 500; i++) {
            text.append(i).append(",\"it's \"\"q\"\" \\ back\tslash, ünïcödé ✓ ").append(i).append("\"\n");
        }
        Path csv = Files.writeString(tempDir.resolve("chars.csv"), text);
        Relation table = relation("seed_chars");
        // a small statement limit, so the 500 rows take many statements
        assertThat(new TrinoSeeds((TrinoAdapter) adapter, (TrinoSession) session, 2_000)
                .load(table, new SeedFile(csv, ",", Map.of(), true))).isEqualTo(500);
        assertThat(session.execute("SELECT count(*), count(DISTINCT note), min(note) FROM " + adapter.render(table)
                + " WHERE note LIKE 'it''s \"q\" \\ back' || chr(9) || 'slash, ünïcödé ✓ %'", true, -1).rows())
                .containsExactly(List.of(500L, 500L, "it's \"q\" \\ back\tslash, ünïcödé ✓ 0"));
    }

    @Test
    void largeSeedsLoadInSeveralBatches() throws Exception {
        StringBuilder text = new StringBuilder("id,name,amount,day\n");
        int rows = 60_000;
        for (int i = 0; i < rows; i++) {
            text.append(i).append(",name number ").append(i).append(',').append(i % 1000).append(".25,2024-01-")
                    .append(String.format("%02d", i % 28 + 1)).append('\n');
        }
        Path csv = Files.writeString(tempDir.resolve("large.csv"), text);
        long start = System.nanoTime();
        assertThat(session.loadSeed(relation("seed_large"), new SeedFile(csv, ",", Map.of(), true))).isEqualTo(rows);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("seed figures: " + rows + " rows (" + Files.size(csv) / 1024 + " KB) loaded in " + millis + " ms");
        assertThat(session.execute("SELECT count(*), sum(id), count(DISTINCT day) FROM " + adapter.render(relation("seed_large")), true, -1).rows())
                .containsExactly(List.of((long) rows, (long) rows * (rows - 1) / 2, 28L));
    }
}
