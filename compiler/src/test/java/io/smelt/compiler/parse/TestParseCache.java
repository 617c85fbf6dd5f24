package io.smelt.compiler.parse;

import io.smelt.compiler.graph.RefCall;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the partial-parse cache file keys on beyond each node: the global key (Smelt's build, the target,
 * vars, dbt_project.yml files, the macros), and values that would not read back as they were.
 */
class TestParseCache {
    @TempDir
    Path target;

    @Test
    void aDifferentGlobalKeyIsAnEmptyCache() {
        String key = ParseCache.globalKey(List.of("duckdb", "{name=dev}"));
        store(key, List.of(Map.of("materialized", "table")));

        assertThat(ParseCache.load(target, key, id -> "h").lookup("model.p.m", "k", name -> null)).isNotNull();
        String otherTarget = ParseCache.globalKey(List.of("duckdb", "{name=prod}"));
        assertThat(otherTarget).isNotEqualTo(key);
        assertThat(ParseCache.load(target, otherTarget, id -> "h").lookup("model.p.m", "k", name -> null)).isNull();
    }

    @Test
    void configValuesThatWouldNotReadBackAsTheyWereAreNotKept() {
        String key = ParseCache.globalKey(List.of());
        store(key, List.of(Map.of("unique_key", new StringBuilder("id"))));
        assertThat(ParseCache.load(target, key, id -> "h").lookup("model.p.m", "k", name -> null)).isNull();

        store(key, List.of(Map.of("batch_size", 10L, "ratio", 0.5, "keys", List.of("a", "b"))));
        ParseCache.Entry entry = ParseCache.load(target, key, id -> "h").lookup("model.p.m", "k", name -> null);
        assertThat(entry).isNotNull();
        assertThat(entry.configCalls()).containsExactly(Map.of("batch_size", 10L, "ratio", 0.5, "keys", List.of("a", "b")));
    }

    @Test
    void anUnreadableFileIsAnEmptyCache() throws Exception {
        Files.writeString(target.resolve(ParseCache.FILE), "{not json");
        assertThat(ParseCache.load(target, "k", id -> "h").lookup("model.p.m", "k", name -> null)).isNull();
    }

    private void store(String globalKey, List<Map<String, Object>> configCalls) {
        ParseCache cache = ParseCache.load(target, globalKey, id -> "h");
        cache.store("model.p.m", "k", List.of(new RefCall(null, "a", null, 1)), List.of(), configCalls, Set.of(),
                Set.of("macro.p.x"), Map.of(), Set.of(), "select 1", "sum");
        cache.save();
    }
}
