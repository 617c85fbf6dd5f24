package io.smelt.adapter.duckdb;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Relation;
import io.smelt.adapter.Session;
import io.smelt.adapter.TargetConfig;
import io.smelt.adapter.testing.BaseAdapterTest;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The contract suite on embedded DuckDB, plus value conversions only DuckDB has. */
class TestDuckDbAdapter extends BaseAdapterTest {
    @Override
    protected Adapter createAdapter(Path tempDir) {
        return new DuckDbAdapterFactory().create(target(tempDir, Map.of("type", "duckdb", "path", "contract.duckdb", "threads", 8)));
    }

    @Override
    public int concurrencyRounds() {
        return 50;
    }

    @Override
    protected String longRunningQuery() {
        return "SELECT sum(a.range * b.range) FROM range(1000000) a, range(1000000) b";
    }

    static TargetConfig target(Path projectDir, Map<String, Object> fields) {
        return new TargetConfig("shop", "dev", fields, Set.of(), projectDir, projectDir.resolve("target"), false);
    }

    @Test
    void capabilitiesAndNames() {
        assertThat(adapter.type()).isEqualTo("duckdb");
        assertThat(adapter.dispatchOrder()).containsExactly("duckdb");
        assertThat(adapter.capabilities().incrementalStrategies()).containsExactlyInAnyOrder("append", "delete+insert", "merge", "insert_overwrite", "microbatch");
        assertThat(adapter.capabilities().merge()).isTrue();
        assertThat(adapter.defaultDatabase()).isEqualTo("contract");
        assertThat(adapter.defaultSchema()).isEqualTo("main");
        assertThat(adapter.threads()).isEqualTo(8);
        assertThat(adapter.quote("a\"b")).isEqualTo("\"a\"\"b\"");
        assertThat(adapter.normalizeIdentifier("MixedCase")).isEqualTo("mixedcase");
        assertThat(adapter.macroResources()).containsKey("io/smelt/adapter/duckdb/macros/adapters.sql");
        assertThat(session.execute("SELECT current_database()", true, -1).rows()).containsExactly(List.of("contract"));
    }

    @Test
    void convertsDuckDbTypes() {
        QueryResult result = session.execute("SELECT 170141183460469231731687303715884105727::HUGEINT AS huge, 5::HUGEINT AS small_huge,"
                + " 18446744073709551615::UBIGINT AS ubig, 7::TINYINT AS tiny, 1.1::FLOAT AS flt,"
                + " '8c1f1d52-3b60-4d7e-9a6e-3c0f9ad1b2c3'::UUID AS id, [1, 2, NULL]::INTEGER[] AS list,"
                + " {'a': 1, 'b': [DATE '2024-01-02']} AS struct, MAP {'k': 1.5::DOUBLE} AS map, 'ab'::BLOB AS bytes,"
                + " TIMESTAMPTZ '2024-05-06 07:08:09+00' AS tstz, TIME '01:02:03' AS t, INTERVAL 3 DAY AS span,"
                + " 123.456::DECIMAL(38,3) AS wide, [1, 2]::INTEGER[2] AS fixed", true, -1);
        List<Object> row = result.rows().get(0);
        assertThat(row.get(0)).isEqualTo(new BigDecimal("170141183460469231731687303715884105727"));
        assertThat(row.get(1)).isEqualTo(5L);
        assertThat(row.get(2)).isEqualTo(new BigDecimal("18446744073709551615"));
        assertThat(row.get(3)).isEqualTo(7L);
        assertThat(row.get(4)).isEqualTo(1.1d);
        assertThat(row.get(5)).isEqualTo("8c1f1d52-3b60-4d7e-9a6e-3c0f9ad1b2c3");
        assertThat(row.get(6)).isEqualTo(java.util.Arrays.asList(1L, 2L, null));
        assertThat(row.get(7)).isEqualTo(Map.of("a", 1L, "b", List.of(java.time.LocalDate.of(2024, 1, 2))));
        assertThat(row.get(8)).isEqualTo(Map.of("k", 1.5d));
        assertThat(row.get(9)).isEqualTo("ab".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(row.get(10)).isEqualTo(OffsetDateTime.of(2024, 5, 6, 7, 8, 9, 0, ZoneOffset.UTC));
        assertThat(row.get(11)).isEqualTo(LocalTime.of(1, 2, 3));
        assertThat(row.get(12)).isEqualTo("3 days");
        assertThat(row.get(13)).isEqualTo(new BigDecimal("123.456"));
        assertThat(row.get(14)).isEqualTo(List.of(1L, 2L));
        assertThat(result.columns().get(0).dataType()).isEqualTo("HUGEINT");
        assertThat(result.columns().get(7).dataType()).startsWith("STRUCT(");
    }

    @Test
    void timestampsIgnoreTheJvmTimeZone() {
        TimeZone saved = TimeZone.getDefault();
        TimeZone.setDefault(TimeZone.getTimeZone("Europe/Berlin"));
        try {
            // 02:30 on this day does not exist in Berlin (clocks jump from 02:00 to 03:00)
            assertThat(session.execute("SELECT TIMESTAMP '2021-03-28 02:30:00.000001'", true, -1).rows().get(0).get(0))
                    .isEqualTo(LocalDateTime.of(2021, 3, 28, 2, 30, 0, 1000));
        }
        finally {
            TimeZone.setDefault(saved);
        }
    }

    @Test
    void mergeIntoIsSupportedByThisDuckDb() {
        Relation target = relation("merge_delete");
        session.execute("CREATE TABLE " + adapter.render(target) + " AS SELECT range AS id FROM range(5)");
        QueryResult merge = session.execute("MERGE INTO " + adapter.render(target) + " t USING (SELECT 1 AS id UNION ALL SELECT 9) s"
                + " ON t.id = s.id WHEN MATCHED THEN DELETE WHEN NOT MATCHED THEN INSERT VALUES (s.id)");
        assertThat(merge.rowsAffected()).isEqualTo(2);
        assertThat(session.execute("SELECT list(id ORDER BY id) FROM " + adapter.render(target), true, -1).rows().get(0).get(0))
                .isEqualTo(List.of(0L, 2L, 3L, 4L, 9L));
    }

    @Test
    void seedTypesFollowDbtDuckDb() throws Exception {
        Path csv = java.nio.file.Files.writeString(tempDir.resolve("types.csv"),
                "small,big,ratio,day,at,flag,clock,text\n1,3000000000,1.5,2024-01-01,2024-01-01 10:00:00,true,10:00:00,x\n");
        Relation table = relation("seed_types");
        session.loadSeed(table, new io.smelt.adapter.SeedFile(csv, ",", Map.of("text", "string"), true));
        assertThat(session.columns(table)).extracting(c -> c.dataType())
                .containsExactly("INTEGER", "BIGINT", "DOUBLE", "DATE", "TIMESTAMP", "BOOLEAN", "VARCHAR", "VARCHAR");
    }

    @Test
    void sessionsShareOneDatabase() {
        try (Session other = adapter.openSession()) {
            session.execute("CREATE TABLE " + adapter.render(relation("shared")) + " AS SELECT 1 AS id");
            assertThat(other.columns(relation("shared"))).hasSize(1);
        }
    }

    @Test
    void temporaryTablesAreFoundUnqualified() {
        session.execute("CREATE TEMP TABLE scratch AS SELECT 1 AS a, 'x' AS b");
        assertThat(session.columns(new Relation(null, null, "scratch", null))).extracting(c -> c.name()).containsExactly("a", "b");
    }

    @Test
    void messageReportsStatementTypeAndCount() {
        Relation table = relation("counted");
        assertThat(session.execute("CREATE TABLE " + adapter.render(table) + " AS SELECT range AS id FROM range(3)").message()).isEqualTo("CREATE 3");
        assertThat(session.execute("DELETE FROM " + adapter.render(table) + " WHERE id > 0").message()).isEqualTo("DELETE 2");
        assertThat(session.execute("SELECT * FROM " + adapter.render(table), true, -1).message()).isEqualTo("SELECT 1");
    }
}
