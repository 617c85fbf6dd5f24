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

    @Test
    void anEnforcedContractChangesWithItsColumnsConstraintsAndTableMaterialization() throws IOException {
        String before = manifest(contracted("table", "int", "[{\"type\": \"not_null\"}]", "[]"));
        assertThat(compare(manifest(contracted("table", "int", "[{\"type\": \"not_null\"}]", "[]")), before, null).reasons("model.p.m"))
                .isEmpty();
        assertThat(compare(manifest(contracted("table", "bigint", "[{\"type\": \"not_null\"}]", "[]")), before, null)
                .reasons("model.p.m")).extracting(ModifiedReason::toString).containsExactly("contract: contracted columns {id=int} -> {id=bigint}");
        assertThat(compare(manifest(contracted("table", "int", "[]", "[]")), before, null).matches("modified.contract", "model.p.m")).isTrue();
        assertThat(compare(manifest(contracted("table", "int", "[{\"type\": \"not_null\"}]", "[{\"type\": \"primary_key\", \"columns\": [\"id\"]}]")),
                before, null).reasons("model.p.m")).extracting(ModifiedReason::toString).containsExactly("contract: model constraints");
        assertThat(compare(manifest(contracted("view", "int", "[{\"type\": \"not_null\"}]", "[]")), before, null).reasons("model.p.m"))
                .extracting(ModifiedReason::toString).contains("contract: materialized table -> view");
        String view = manifest(contracted("view", "int", "[]", "[]"));
        assertThat(compare(manifest(contracted("view", "int", "[]", "[{\"type\": \"check\", \"expression\": \"id > 0\"}]")), view, null)
                .matches("modified.contract", "model.p.m")).as("a view gets no model constraints").isFalse();
    }

    @Test
    void breakingContractChangesAreDbts() throws IOException {
        String before = manifest(contracted("table", "varchar(3)", "[{\"type\": \"not_null\"}]", "[]"));
        assertThat(compare(manifest(contracted("table", "varchar(10)", "[{\"type\": \"not_null\"}]", "[]")), before, null)
                .breakingContractChanges("model.p.m")).as("a longer varchar is not breaking").isEmpty();
        assertThat(compare(manifest(contracted("table", "int", "[]", "[]")), before, null).breakingContractChanges("model.p.m"))
                .containsExactly("column id changed type from varchar(3) to int", "the not_null constraint of column id was removed");
        assertThat(compare(manifest(contracted("view", "varchar(3)", "[{\"type\": \"not_null\"}]", "[]")), before, null)
                .breakingContractChanges("model.p.m"))
                .containsExactly("materialized changed from table to view, which does not create its table with the constraints");
        assertThat(compare(manifest(contracted("table", "varchar(3)", "[{\"type\": \"not_null\"}]", "[]").replace("\"id\": {", "\"key\": {")),
                before, null).breakingContractChanges("model.p.m")).containsExactly("column id was removed");
        assertThat(compare(manifest(contracted("table", "varchar(3)", "[]", "[]")), before, null)
                .withConstraintSupport(type -> io.smelt.adapter.ConstraintSupport.NOT_ENFORCED).breakingContractChanges("model.p.m"))
                .as("removing a constraint the engine does not enforce breaks nothing").isEmpty();
        assertThat(compare(manifest(contracted("table", "varchar(3)", "[]", "[]").replace("\"enforced\": true", "\"enforced\": false")),
                before, null).breakingContractChanges("model.p.m")).contains("the contract is no longer enforced");
    }

    private static String contracted(String materialized, String type, String columnConstraints, String modelConstraints) {
        return """
                "model.p.m": {"resource_type": "model", "package_name": "p", "original_file_path": "models/m.sql", "fqn": ["p", "m"],
                  "raw_code": "select 1 as id", "unrendered_config": {}, "depends_on": {"macros": []},
                  "config": {"materialized": "%s", "contract": {"enforced": true}}, "constraints": %s,
                  "columns": {"id": {"name": "id", "data_type": "%s", "constraints": %s}}}""".formatted(materialized, modelConstraints, type,
                columnConstraints);
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
