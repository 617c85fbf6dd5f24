package io.smelt.compiler.artifact;

import com.fasterxml.jackson.core.JsonGenerator;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.UnitTestSpec;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A unit test as manifest v12's {@code unit_tests} section has it (UnitTestDefinition). */
final class UnitTestJson {
    private UnitTestJson() {
    }

    static void write(JsonGenerator json, Node node, double createdAt) throws IOException {
        UnitTestSpec spec = node.unitTest();
        json.writeStartObject();
        json.writeStringField("model", spec.model());
        json.writeArrayFieldStart("given");
        for (UnitTestSpec.Given given : spec.given()) {
            json.writeStartObject();
            json.writeStringField("input", given.input());
            writeFixture(json, given.fixture());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeObjectFieldStart("expect");
        writeFixture(json, spec.expect());
        json.writeEndObject();
        json.writeStringField("name", node.name());
        json.writeStringField("resource_type", "unit_test");
        json.writeStringField("package_name", node.packageName());
        String file = ArtifactJson.slashes(node.originalFilePath());
        json.writeStringField("path", file.contains("/") ? file.substring(file.indexOf('/') + 1) : file);
        json.writeStringField("original_file_path", file);
        json.writeStringField("unique_id", node.uniqueId());
        NodeJson.writeStrings(json, "fqn", node.fqn());
        json.writeStringField("description", node.description());
        Map<String, Object> overrides = new LinkedHashMap<>();
        overrides.put("macros", spec.macros());
        overrides.put("vars", spec.vars());
        overrides.put("env_vars", spec.envVars());
        ArtifactJson.writeField(json, "overrides", overrides);
        json.writeObjectFieldStart("depends_on");
        NodeJson.writeStrings(json, "macros", List.of());
        NodeJson.writeStrings(json, "nodes", node.dependsOn());
        json.writeEndObject();
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("tags", node.config().tags());
        config.put("meta", node.config().get("meta") == null ? Map.of() : node.config().get("meta"));
        config.put("enabled", node.config().enabled());
        ArtifactJson.writeField(json, "config", config);
        json.writeNullField("checksum");
        json.writeNullField("schema");
        json.writeNumberField("created_at", createdAt);
        json.writeEndObject();
    }

    private static void writeFixture(JsonGenerator json, UnitTestSpec.Fixture fixture) throws IOException {
        json.writeStringField("format", fixture.format());
        if (fixture.format().equals("sql")) {
            json.writeStringField("rows", fixture.sql());
        }
        else {
            ArtifactJson.writeField(json, "rows", fixture.rows());
        }
        json.writeNullField("fixture");
    }
}
