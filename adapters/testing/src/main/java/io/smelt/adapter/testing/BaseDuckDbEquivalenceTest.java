package io.smelt.adapter.testing;

import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.workspace.Workspace;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fixture built on an engine and on embedded DuckDB gives the same tables: every row's values, as
 * {@link #text}, hash the same on both, whatever order the rows come in. Two fixtures: jaffle_shop
 * (seeds, views, tables) and strategies (every incremental strategy over three rounds). The engine module's test
 * class path must hold the DuckDB adapter (found through ServiceLoader like any other).
 */
public abstract class BaseDuckDbEquivalenceTest extends BaseProjectTest {
    @Test
    public void jaffleShopTablesHashTheSameRowForRowAsOnDuckDb() {
        Path onEngine = TestingProjects.copy("jaffle_shop", tempDir.resolve("engine"), targetFields(tempDir, schema()));
        Path onDuckDb = TestingProjects.copy("jaffle_shop", tempDir.resolve("duckdb"), duckDbFields("jaffle.duckdb"));
        try (Workspace engine = load(onEngine); Workspace duck = load(onDuckDb)) {
            assertSucceeded(run(engine, Command.BUILD));
            assertSucceeded(run(duck, Command.BUILD));
            for (String model : List.of("customers", "orders")) {
                Map<String, String> engineRows = rowHashes(engine, model);
                Map<String, String> duckRows = rowHashes(duck, model);
                assertThat(engineRows).as(model + " rows").hasSize(100);
                assertThat(engineRows).as(model + " on " + engine().name() + " (hash -> row) against DuckDB").isEqualTo(duckRows);
            }
        }
    }

    /**
     * The strategies fixture (every incremental strategy the engine has, built in three rounds of new,
     * updated and late rows) holds the same rows on the engine as on DuckDB, and the rows the fixture's
     * README names.
     */
    @Test
    public void everyStrategyAfterThreeRoundsHashesTheSameRowForRowAsOnDuckDb() {
        Path onEngine = TestingProjects.copy("strategies", tempDir.resolve("engine"), targetFields(tempDir, schema()));
        Path onDuckDb = TestingProjects.copy("strategies", tempDir.resolve("duckdb"), duckDbFields("strategies.duckdb"));
        for (int round = 1; round <= 3; round++) {
            String vars = "{round: " + round + "}";
            try (Workspace engine = load(onEngine, vars, Map.of()); Workspace duck = load(onDuckDb, vars, Map.of())) {
                RunSummary onEngineRun = run(engine, Command.RUN);
                assertSucceeded(onEngineRun);
                assertSucceeded(run(duck, Command.RUN));
                assertThat(names(onEngineRun)).as("models run on " + engine().name())
                        .hasSize(11);
                if (round == 1) {
                    assertThat(count(engine, "inc_append")).as("inc_append after round 1").isEqualTo(6);
                }
            }
        }
        try (Workspace engine = load(onEngine, "{round: 3}", Map.of()); Workspace duck = load(onDuckDb, "{round: 3}", Map.of())) {
            Map<String, String> duckDbModel = new LinkedHashMap<>();
            for (String model : List.of("events", "events_latest", "inc_append", "inc_merge", "inc_delete_insert", "inc_merge_update_columns",
                    "inc_merge_predicates", "inc_delete_insert_predicates", "inc_merge_keys", "inc_delete_insert_days",
                    "inc_insert_overwrite")) {
                duckDbModel.put(model, model);
            }
            duckDbModel.forEach((model, duckModel) -> assertThat(rowHashes(engine, model))
                    .as(model + " on " + engine().name() + " (hash -> row) against DuckDB's " + duckModel)
                    .isEqualTo(rowHashes(duck, duckModel)));
            assertStrategyRows(engine, duckDbModel.keySet());
        }
    }

    /** The rows the strategies fixture's README gives after round 3. */
    private void assertStrategyRows(Workspace workspace, Iterable<String> models) {
        assertThat(count(workspace, "events")).isEqualTo(15);
        assertThat(count(workspace, "inc_append")).as("append keeps every version").isEqualTo(15);
        List<String> latest = List.of("1|11|shipped|2", "2|21|returned|3", "3|30.25|new|1", "4|40|new|1", "5|56|shipped|2", "6|60|new|1",
                "7|75|shipped|3", "8|80.8||2", "9|90|new|2", "10|100|new|3", "11|110|new|3");
        for (String model : List.of("inc_merge", "inc_delete_insert")) {
            assertThat(rows(workspace, "select event_id, amount, status, load_round from " + relation(workspace, model) + " order by event_id"))
                    .as(model).isEqualTo(latest);
        }
        assertThat(rows(workspace, "select event_id, amount, status, flagged, load_round, loaded_at from "
                + relation(workspace, "inc_merge_update_columns") + " where event_id in (1, 2, 5, 8) order by event_id"))
                .as("merge_update_columns: status and loaded_at")
                .containsExactly("1|10|shipped|false|1|2024-02-02 08:30:00.25", "2|20.5|returned|false|1|2024-02-03 09:15:30.125",
                        "5|55.55|shipped|false|1|2024-02-02 08:30:00.25", "8|80.8||false|2|2024-02-02 08:30:00.25");
        assertThat(count(workspace, "inc_merge_update_columns")).isEqualTo(11);
        for (String model : List.of("inc_merge_predicates", "inc_delete_insert_predicates")) {
            assertThat(rows(workspace, "select event_id, amount, status, load_round from " + relation(workspace, model)
                    + " order by event_id, load_round"))
                    .as(model + ": incremental_predicates keep 2024-01-01 out of the match: event 1's new version is a second row")
                    .containsExactly("1|10|new|1", "1|11|shipped|2", "2|21|returned|3", "3|30.25|new|1", "4|40|new|1", "5|56|shipped|2",
                            "6|60|new|1", "7|75|shipped|3", "8|80.8||2", "9|90|new|2", "10|100|new|3", "11|110|new|3");
        }
        List<String> days = List.of("a|2024-01-01|1|11", "c|2024-01-01|1|90", "a|2024-01-02|1|21", "b|2024-01-02|1|30.25",
                "c|2024-01-02|1|110", "b|2024-01-03|1|40", "c|2024-01-03|2|116", "a|2024-01-04|1|75", "b|2024-01-04|1|80.8",
                "b|2024-01-05|1|100");
        for (String model : models) {
            if (model.startsWith("inc_merge_keys") || model.endsWith("_days") || model.equals("inc_insert_overwrite")) {
                assertThat(rows(workspace, "select account, event_day, events, amount from " + relation(workspace, model)
                        + " order by event_day, account")).as(model + ": per account and day").isEqualTo(days);
            }
        }
    }

    private Map<String, Object> duckDbFields(String file) {
        Map<String, Object> duckdb = new LinkedHashMap<>();
        duckdb.put("type", "duckdb");
        duckdb.put("path", tempDir.resolve("duckdb").resolve(file).toString());
        duckdb.put("schema", "main");
        return duckdb;
    }

    /** Each row's values as text joined by '|', keyed by the row's MD5, sorted by it. */
    private Map<String, String> rowHashes(Workspace workspace, String model) {
        Map<String, String> rows = new TreeMap<>();
        for (List<Object> row : query(workspace, "select * from " + relation(workspace, model))) {
            List<String> values = new ArrayList<>();
            row.forEach(value -> values.add(text(value)));
            String line = String.join("|", values);
            rows.merge(md5(line), line, (a, b) -> a + " (twice)");
        }
        return rows;
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
