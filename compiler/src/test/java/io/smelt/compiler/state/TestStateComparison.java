package io.smelt.compiler.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Comparisons on manifest entries alone, for what the project-level tests cannot easily set up. */
class TestStateComparison {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final StateSidecar NO_VARS = new StateSidecar(Map.of(), Map.of());

    @Test
    void aLargeSeedDbtRecordedByItsPathIsUnchangedUnlessMoved() throws IOException {
        String before = seed("path", "seeds/big.csv", "seeds/big.csv");
        assertThat(compare(seed("sha256", "abc", "seeds/big.csv"), before, null).reasons("seed.p.big")).isEmpty();
        assertThat(compare(seed("sha256", "abc", "seeds/other/big.csv"), before, null).matches("modified.body", "seed.p.big")).isTrue();
    }

    @Test
    void builtInMacrosCountOnlyAgainstSmeltsOwnManifest() throws IOException {
        String now = manifest(model("select 1"), macro("dbt", "type_string", "{% macro type_string() %}text{% endmacro %}"));
        String before = manifest(model("select 1"), macro("dbt", "type_string", "{%- macro type_string() -%}varchar{%- endmacro -%}"));
        assertThat(compare(now, before, null).reasons("model.p.m")).isEmpty();
        StateComparison smelt = compare(now, before, NO_VARS);
        assertThat(smelt.reasons("model.p.m")).extracting(ModifiedReason::toString)
                .containsExactly("macros: macro.dbt.type_string changed");
        assertThat(smelt.matches("modified.body", "model.p.m")).isFalse();
    }

    @Test
    void nothingAndEmptyAreTheSameValue() throws IOException {
        String now = manifest(model("select 1").replace("\"unrendered_config\": {}", "\"unrendered_config\": {\"meta\": {}, \"batch\": 1}"));
        String before = manifest(model("select 1").replace("\"unrendered_config\": {}", "\"unrendered_config\": {\"batch\": 1.0, \"tags\": [\"x\"]}"));
        assertThat(compare(now, before, null).reasons("model.p.m")).isEmpty();
    }

    @Test
    void columnsAddedForLineageAreNoPersistedDescriptions() throws IOException {
        String persisted = "\"config\": {\"persist_docs\": {\"columns\": true}}, \"columns\": {\"id\": {\"description\": \"key\"}";
        String before = manifest(model("select 1").replace("\"unrendered_config\": {}", persisted + "}, \"unrendered_config\": {}"));
        String now = manifest(model("select 1").replace("\"unrendered_config\": {}", persisted
                + ", \"x\": {\"description\": \"\", \"smelt\": {\"documented\": false, \"lineage\": []}}}, \"unrendered_config\": {}"));
        assertThat(compare(now, before, null).reasons("model.p.m")).isEmpty();
        String described = now.replace("\"documented\": false", "\"documented\": true");
        assertThat(compare(described, before, null).reasons("model.p.m")).extracting(ModifiedReason::toString)
                .containsExactly("persisted_descriptions: column descriptions");
    }

    private static StateComparison compare(String now, String before, StateSidecar previousVars) throws IOException {
        return new StateComparison(read(now), NO_VARS, read(before), previousVars, Set.of("p"));
    }

    private static StateManifest read(String json) throws IOException {
        JsonNode tree = JSON.readTree(json);
        return StateManifest.of(tree, Path.of("manifest.json"));
    }

    private static String seed(String checksumName, String checksum, String path) {
        return manifest("""
                "seed.p.big": {"resource_type": "seed", "package_name": "p", "original_file_path": "%s", "fqn": ["p", "big"],
                  "checksum": {"name": "%s", "checksum": "%s"}, "unrendered_config": {}}""".formatted(path, checksumName, checksum));
    }

    private static String model(String code) {
        return """
                "model.p.m": {"resource_type": "model", "package_name": "p", "original_file_path": "models/m.sql", "fqn": ["p", "m"],
                  "raw_code": "%s", "unrendered_config": {}, "depends_on": {"macros": ["macro.dbt.type_string"]}}""".formatted(code);
    }

    private static String macro(String pkg, String name, String sql) {
        return """
                "macro.%s.%s": {"package_name": "%s", "macro_sql": "%s", "depends_on": {"macros": []}}""".formatted(pkg, name, pkg, sql);
    }

    private static String manifest(String nodes, String... macros) {
        return """
                {"metadata": {"dbt_schema_version": "https://schemas.getdbt.com/dbt/manifest/v12.json"},
                 "nodes": {%s}, "sources": {}, "macros": {%s}}""".formatted(nodes, String.join(",", List.of(macros)));
    }
}
