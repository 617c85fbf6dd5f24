package io.smelt.compiler.jinja;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** One parsed template rendered from several threads at once gives every thread its own correct output. */
class TestJinjaConcurrency {
    @Test
    void rendersFromFourThreads() throws Exception {
        JinjaEngine engine = TestingJinja.corpusEngine();
        Template template = engine.parse("root", Path.of("models/conc.sql"), """
                {%- set cols = [] -%}
                {%- for i in range(n) -%}{% do cols.append('c' ~ i) %}{%- endfor -%}
                select {{ cols | join(', ') }}, {{ probe_fact(5) }} as f, {{ probe_pkg.uses_helper() }} as h,
                  '{{ line() }}' as l from {{ ref(name) }}
                """);
        JinjaFunction line = (a, k) -> JinjaEngine.currentLine();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    int ok = 0;
                    for (int i = 0; i < 1000; i++) {
                        int n = (thread + i) % 5 + 1;
                        String name = "m" + thread + "_" + i;
                        String out = engine.render(template, Map.of("n", (long) n, "name", name, "line", line,
                                "ref", (JinjaFunction) (a, k) -> "\"" + a.get(0) + "\""));
                        StringBuilder cols = new StringBuilder();
                        for (int c = 0; c < n; c++) {
                            cols.append(c == 0 ? "" : ", ").append('c').append(c);
                        }
                        String expected = "select " + cols + ", 120 as f, pkg-helper as h,\n  '4' as l from \""
                                + name + "\"";
                        assertThat(out).isEqualTo(expected);
                        ok++;
                    }
                    return ok;
                }));
            }
            for (Future<Integer> f : futures) {
                assertThat(f.get()).isEqualTo(1000);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
