package io.smelt.adapter.testing;

import io.smelt.compiler.run.Command;
import io.smelt.compiler.run.Workspace;

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
 * The jaffle-shop fixture built on an engine and on embedded DuckDB gives the same tables: every row's
 * values, as text, hash the same on both, whatever order the rows come in. The engine module's test
 * class path must hold the DuckDB adapter (found through ServiceLoader like any other).
 */
public abstract class BaseDuckDbEquivalenceTest extends BaseProjectTest {
    /** The engine's name in messages. */
    protected abstract String engine();

    @Test
    public void jaffleShopTablesHashTheSameRowForRowAsOnDuckDb() {
        Path onEngine = TestingProjects.copy("jaffle_shop", tempDir.resolve("engine"), targetFields(tempDir, schema()));
        Map<String, Object> duckdb = new LinkedHashMap<>();
        duckdb.put("type", "duckdb");
        duckdb.put("path", tempDir.resolve("duckdb/jaffle.duckdb").toString());
        duckdb.put("schema", "main");
        Path onDuckDb = TestingProjects.copy("jaffle_shop", tempDir.resolve("duckdb"), duckdb);
        try (Workspace engine = load(onEngine); Workspace duck = load(onDuckDb)) {
            assertSucceeded(run(engine, Command.BUILD));
            assertSucceeded(run(duck, Command.BUILD));
            for (String model : List.of("customers", "orders")) {
                Map<String, String> engineRows = rowHashes(engine, model);
                Map<String, String> duckRows = rowHashes(duck, model);
                assertThat(engineRows).as(model + " rows").hasSize(100);
                assertThat(engineRows).as(model + " on " + engine() + " (hash -> row) against DuckDB").isEqualTo(duckRows);
            }
        }
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
