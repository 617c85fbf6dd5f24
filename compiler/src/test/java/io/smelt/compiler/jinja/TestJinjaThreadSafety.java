package io.smelt.compiler.jinja;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** One engine and one parsed template rendered from several threads at once. */
class TestJinjaThreadSafety {
    @Test
    void fourThreadsRenderingTheSameTemplate() throws Exception {
        JinjaEngine engine = JinjaEngine.create(new JinjaEngine.Options("root", List.of("dbt"), List.of("duckdb"), Map.of()),
                List.of(new MacroSource("dbt", Path.of("macros/utils.sql"), """
                        {% macro concat(fields) %}{{ return(adapter.dispatch('concat', 'dbt')(fields)) }}{% endmacro %}
                        {% macro default__concat(fields) -%}{{ fields | join(' || ') }}{%- endmacro %}
                        {% macro duckdb__concat(fields) -%}concat({{ fields | join(', ') }}){%- endmacro %}
                        {% macro cols(n) %}{% set out = [] %}{% for i in range(n) %}{% do out.append('c' ~ i) %}{% endfor %}{{ return(out) }}{% endmacro %}
                        """)));
        Template template = engine.parse("root", Path.of("models/m.sql"), """
                {%- set columns = cols(n) -%}
                select {{ concat(columns) }} as k, {{ n }} as n, '{{ this }}' as t
                {%- for c in columns %}{% if not loop.first %}, {{ c | upper }}{% endif %}{% endfor %}
                from {{ ref('src') }}""");
        JinjaFunction dispatch = (args, kwargs) -> engine.resolveDispatch((String) args.get(0), (String) args.get(1));
        JinjaObject adapter = name -> name.equals("dispatch") ? dispatch : null;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                results.add(pool.submit(() -> {
                    int checked = 0;
                    for (int i = 0; i < 1000; i++) {
                        long n = 1 + (i + thread) % 5;
                        Map<String, Object> globals = new HashMap<>();
                        globals.put("adapter", adapter);
                        globals.put("n", n);
                        globals.put("this", "t" + thread);
                        globals.put("ref", (JinjaFunction) (a, k) -> a.get(0) + "_" + thread + "@" + JinjaEngine.currentLine());
                        String out = engine.render(template, globals);
                        assertThat(out).isEqualTo(expected(n, thread));
                        checked++;
                    }
                    return checked;
                }));
            }
            for (Future<Integer> r : results) {
                assertThat(r.get()).isEqualTo(1000);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static String expected(long n, int thread) {
        List<String> cols = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cols.add("c" + i);
        }
        StringBuilder b = new StringBuilder("select concat(" + String.join(", ", cols) + ") as k, " + n + " as n, 't"
                + thread + "' as t");
        for (String c : cols.subList(1, cols.size())) {
            b.append(", ").append(c.toUpperCase());
        }
        return b.append("\nfrom src_").append(thread).append("@4").toString();
    }
}
