package io.smelt.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smelt.compiler.artifact.TestingDbtSchemas;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A scratch project on DuckDB where one model, {@code broken}, fails until {@link #fix} rewrites it:
 * seed {@code raw_orders} (3 rows) → {@code stg_orders} → {@code broken} → {@code after_broken} and the
 * incremental {@code inc}; {@code stg_orders} → {@code fine}. Tests: {@code not_null_broken_id},
 * {@code not_null_fine_n}, {@code no_big_count} (fails when {@code var('max_orders')} is below 3) and
 * {@code few_orders} (severity warn, always warns). Targets {@code dev} ({@code dir/shop.duckdb}, the
 * default) and {@code ci} ({@code dir/ci.duckdb}).
 */
final class FailingShop {
    static final String BROKEN = "select id, amount from {{ ref('stg_orders') }} join no_such_table using (id)\n";
    static final String FIXED = "select id, amount * 2 as amount from {{ ref('stg_orders') }}\n";

    private FailingShop() {
    }

    static Path write(Path dir) throws IOException {
        Path project = dir.resolve("shop");
        TestingFiles.write(project.resolve("dbt_project.yml"), """
                name: shop
                version: '1.0'
                config-version: 2
                profile: shop
                models:
                  shop:
                    +materialized: table
                """);
        TestingFiles.write(project.resolve("profiles.yml"), """
                shop:
                  target: dev
                  outputs:
                    dev:
                      type: duckdb
                      path: '%s'
                    ci:
                      type: duckdb
                      path: '%s'
                """.formatted(dir.resolve("shop.duckdb"), dir.resolve("ci.duckdb")));
        TestingFiles.write(project.resolve("seeds/raw_orders.csv"), "id,amount\n1,10\n2,20\n3,30\n");
        TestingFiles.write(project.resolve("models/stg_orders.sql"), "select * from {{ ref('raw_orders') }}\n");
        TestingFiles.write(project.resolve("models/broken.sql"), BROKEN);
        TestingFiles.write(project.resolve("models/after_broken.sql"), "select id, amount from {{ ref('broken') }}\n");
        TestingFiles.write(project.resolve("models/inc.sql"), """
                {{ config(materialized='incremental') }}
                select id, '{{ "inc" if is_incremental() else "full" }}' as how, '{{ var("label", "first") }}' as label
                from {{ ref('broken') }}
                """);
        TestingFiles.write(project.resolve("models/fine.sql"), "select count(*) as n from {{ ref('stg_orders') }}\n");
        TestingFiles.write(project.resolve("models/schema.yml"), """
                version: 2
                models:
                  - name: broken
                    columns:
                      - name: id
                        data_tests: [not_null]
                  - name: fine
                    columns:
                      - name: n
                        data_tests: [not_null]
                """);
        TestingFiles.write(project.resolve("tests/no_big_count.sql"),
                "select * from {{ ref('fine') }} where n > {{ var('max_orders', 5) }}\n");
        TestingFiles.write(project.resolve("tests/few_orders.sql"),
                "{{ config(severity='warn') }}\nselect * from {{ ref('fine') }} where n > 1\n");
        return project;
    }

    static void fix(Path project) throws IOException {
        TestingFiles.write(project.resolve("models/broken.sql"), FIXED);
    }

    static void breakAgain(Path project) throws IOException {
        TestingFiles.write(project.resolve("models/broken.sql"), BROKEN);
    }

    /** Each node's status in {@code project/target/run_results.json}, by node name, in the file's order. */
    static Map<String, String> statuses(Path project) throws IOException {
        Map<String, String> statuses = new LinkedHashMap<>();
        JsonNode json = new ObjectMapper().readTree(project.resolve("target/run_results.json").toFile());
        for (JsonNode result : json.path("results")) {
            String id = result.path("unique_id").asText();
            statuses.put(id.split("\\.")[2], result.path("status").asText());
        }
        return statuses;
    }

    /** The {@code args} of {@code project/target/run_results.json}, which must be valid against dbt's v6 schema. */
    static JsonNode args(Path project) throws IOException {
        JsonNode json = TestingDbtSchemas.read(project.resolve("target/run_results.json"));
        TestingDbtSchemas.assertValid(json, TestingDbtSchemas.RUN_RESULTS);
        return json.path("args");
    }

    /** The rows of {@code query} on the DuckDB file {@code database}, each row's columns joined with '|'. */
    static List<String> rows(Path database, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:" + database);
                ResultSet result = connection.createStatement().executeQuery(query)) {
            int columns = result.getMetaData().getColumnCount();
            while (result.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i > 1 ? "|" : "").append(result.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
