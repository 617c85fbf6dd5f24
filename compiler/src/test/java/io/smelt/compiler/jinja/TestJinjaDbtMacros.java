package io.smelt.compiler.jinja;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.smelt.compiler.diag.SmeltException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Loads real dbt macro packages from {@code -Dsmelt.jinja.corpus=DIR} (one folder per package: a
 * {@code dbt-adapters} checkout's include folders, {@code dbt_utils}), renders models through them and
 * writes timings to {@code jinja-bench.txt} in the build folder. Skipped without the property.
 */
class TestJinjaDbtMacros {
    private static List<MacroSource> load(Path root) throws IOException {
        List<MacroSource> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.sorted().toList()) {
                String name = dir.getFileName().toString();
                String pkg = name.equals("dbt-adapters") ? "dbt" : name.replace("dbt-", "");
                try (Stream<Path> files = Files.walk(dir)) {
                    for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                        out.add(new MacroSource(pkg, dir.relativize(f), Files.readString(f)));
                    }
                }
            }
        }
        return out;
    }

    @Test
    void loadsAndRendersRealPackages() throws IOException {
        String corpus = System.getProperty("smelt.jinja.corpus");
        assumeTrue(corpus != null, "set -Dsmelt.jinja.corpus to run");
        List<MacroSource> sources = load(Path.of(corpus));
        JinjaEngine.Options options = new JinjaEngine.Options("root", List.of("postgres", "dbt"), List.of("postgres"),
                Map.of());
        StringBuilder report = new StringBuilder();
        long t0 = System.nanoTime();
        JinjaEngine engine;
        try {
            engine = JinjaEngine.create(options, sources);
        } catch (SmeltException e) {
            throw new AssertionError(e.getMessage(), e);
        }
        report.append(String.format("files %d, macros %d, cold load %.1f ms%n", sources.size(), engine.macros().size(),
                (System.nanoTime() - t0) / 1e6));
        for (int i = 0; i < 10; i++) {
            t0 = System.nanoTime();
            JinjaEngine.create(options, sources);
            if (i >= 7) {
                report.append(String.format("warm load %.1f ms%n", (System.nanoTime() - t0) / 1e6));
            }
        }
        JinjaEngine e = engine;
        JinjaObject adapter = name -> switch (name) {
            case "dispatch" -> (JinjaFunction) (a, k) -> e.resolveDispatch((String) a.get(0),
                    a.size() > 1 ? (String) a.get(1) : (String) k.get("macro_namespace"));
            case "quote" -> (JinjaFunction) (a, k) -> "\"" + a.get(0) + "\"";
            default -> null;
        };
        Map<String, Object> globals = new LinkedHashMap<>();
        globals.put("adapter", adapter);
        globals.put("execute", false);
        JinjaObject column = name -> name.equals("translate_type")
                ? (JinjaFunction) (a, k) -> "string".equals(a.get(0)) ? "TEXT" : a.get(0) : null;
        globals.put("api", (JinjaObject) name -> name.equals("Column") ? column : null);
        globals.put("var", (JinjaFunction) (a, k) -> a.size() > 1 ? a.get(1) : null);
        globals.put("target", Map.of("type", "postgres", "name", "dev"));
        globals.put("ref", (JinjaFunction) (a, k) -> "\"db\".\"main\".\"" + a.get(a.size() - 1) + "\"");
        String model = """
                {{ config(materialized='table') }}
                with orders as (select * from {{ ref('stg_orders') }}),
                series as ({{ dbt_utils.generate_series(10) }})
                select
                  {{ dbt_utils.generate_surrogate_key(['order_id', 'customer_id']) }} as order_key,
                  {{ dbt.safe_cast('amount', dbt.type_string()) }} as amount,
                  {{ dbt.dateadd('day', 1, 'order_date') }} as next_day,
                  {{ dbt.concat(['a', 'b']) }} as ab,
                  {% for m in ['credit', 'cash'] %}sum(case when method = '{{ m }}' then amount end) as {{ m }}_amount{{ ',' if not loop.last }}
                  {% endfor %}
                from orders
                """;
        globals.put("config", (JinjaFunction) (a, k) -> "");
        Template t = engine.parse("root", Path.of("models/orders.sql"), model);
        String out = engine.render(t, globals);
        assertThat(out).contains("md5(cast(coalesce(cast(order_id as TEXT)", "order_date + ((interval '1 day') * (1))");
        int n = 20_000;
        for (int round = 0; round < 2; round++) {
            t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                engine.parse("root", Path.of("models/orders.sql"), model);
            }
            long parse = System.nanoTime() - t0;
            t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                engine.render(t, globals);
            }
            long render = System.nanoTime() - t0;
            Template simple = engine.parse("root", Path.of("models/simple.sql"),
                    "select id, name from {{ ref('customers') }} where {{ 'x' ~ 1 }} is not null");
            t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                engine.render(simple, globals);
            }
            long renderSimple = System.nanoTime() - t0;
            report.append(String.format("round %d: parse %.1f us, render (dbt_utils/dbt macro chains) %.1f us, "
                    + "render simple %.2f us%n", round, parse / 1e3 / n, render / 1e3 / n, renderSimple / 1e3 / n));
        }
        report.append(out);
        Files.writeString(Path.of(System.getProperty("smelt.target", "target-jinja"), "jinja-bench.txt"),
                report.toString());
    }
}
