package io.smelt.compiler.artifact;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.smelt.compiler.analysis.ColumnOrigin;
import io.smelt.compiler.graph.ModelVersions;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.RefCall;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.graph.SourceCall;
import io.smelt.compiler.graph.TestMetadata;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One manifest node (model, seed, test, analysis, snapshot, operation) with the fields dbt's v12
 * schema allows for its kind; the schema forbids any other field.
 */
final class NodeJson {
    /**
     * What the writer knows beyond the node.
     *
     * @param targetDir the target folder's name as compiled paths start with ({@code target})
     */
    record Context(double createdAt, String targetDir, Map<String, String> compiledCode,
            Function<Node, String> relationNames, Function<String, JsonNode> deferRelations,
            Function<String, Map<String, List<ColumnOrigin>>> columnLineage) {
        String relationName(Node node) {
            return relationNames.apply(node);
        }
    }

    private NodeJson() {
    }

    static void write(JsonGenerator json, Node node, Context context) throws IOException {
        if (node.resourceType() == ResourceType.SOURCE) {
            SourceJson.write(json, node, context);
            return;
        }
        if (node.resourceType() == ResourceType.EXPOSURE) {
            ExposureJson.write(json, node, context);
            return;
        }
        ResourceType type = node.resourceType();
        boolean compiledKind = type != ResourceType.SEED;
        json.writeStartObject();
        json.writeStringField("database", node.database());
        json.writeStringField("schema", node.schema() == null ? "" : node.schema());
        json.writeStringField("name", node.name());
        json.writeStringField("resource_type", type.dbtName());
        json.writeStringField("package_name", node.packageName());
        json.writeStringField("path", path(node));
        json.writeStringField("original_file_path", ArtifactJson.slashes(node.originalFilePath()));
        json.writeStringField("unique_id", node.uniqueId());
        writeStrings(json, "fqn", node.fqn());
        json.writeStringField("alias", node.alias() == null ? node.name() : node.alias());
        json.writeObjectFieldStart("checksum");
        json.writeStringField("name", "sha256");
        json.writeStringField("checksum", node.checksum() != null ? node.checksum() : sha256(node.rawCode()));
        json.writeEndObject();
        Map<String, Object> config = ConfigJson.of(node);
        ArtifactJson.writeField(json, "config", config);
        writeStrings(json, "tags", ConfigJson.tags(node));
        json.writeStringField("description", node.description());
        ColumnsJson.write(json, node, context.columnLineage().apply(node.uniqueId()));
        ArtifactJson.writeField(json, "meta", ConfigJson.meta(node));
        Object group = node.config().get("group");
        json.writeStringField("group", group == null ? null : group.toString());
        ArtifactJson.writeField(json, "docs", ConfigJson.docs(node));
        json.writeStringField("patch_path", node.patchPath() == null ? null
                : node.packageName() + "://" + ArtifactJson.slashes(node.patchPath()));
        json.writeStringField("build_path", null);
        ArtifactJson.writeField(json, "unrendered_config", node.extra().get("unrendered_config") instanceof Map<?, ?> unrendered
                ? unrendered : Map.of());
        json.writeNumberField("created_at", context.createdAt());
        json.writeObjectFieldStart("config_call_dict");
        json.writeEndObject();
        json.writeObjectFieldStart("unrendered_config_call_dict");
        json.writeEndObject();
        json.writeStringField("relation_name", context.relationName(node));
        if (type == ResourceType.MODEL || type == ResourceType.SEED || type == ResourceType.SNAPSHOT) {
            DeferRelationJson.write(json, context.deferRelations().apply(node.uniqueId()));
        }
        json.writeStringField("raw_code", node.rawCode());
        json.writeArrayFieldStart("doc_blocks");
        json.writeEndArray();
        if (!compiledKind) {
            json.writeStringField("root_path", null);
            json.writeObjectFieldStart("depends_on");
            writeStrings(json, "macros", macros(node));
            json.writeEndObject();
            json.writeEndObject();
            return;
        }
        writeCompiledFields(json, node, context);
        if (type == ResourceType.MODEL) {
            Object access = config.get("access");
            json.writeStringField("access", access == null ? "protected" : access.toString());
            ArtifactJson.writeField(json, "constraints", node.extra().getOrDefault("constraints", List.of()));
            writeVersion(json, "version", ModelVersions.versionOf(node));
            writeVersion(json, "latest_version", ModelVersions.latestVersionOf(node));
            Object deprecation = node.config().get("deprecation_date");
            json.writeStringField("deprecation_date", deprecation == null ? null : deprecation.toString());
            ArtifactJson.writeField(json, "time_spine", node.extra().get("time_spine"));
        }
        TestMetadata test = node.testMetadata();
        if (type == ResourceType.TEST && test != null) {
            json.writeStringField("column_name", test.columnName());
            json.writeStringField("file_key_name", fileKeyName(test));
            json.writeStringField("attached_node", test.attachedNode());
            json.writeObjectFieldStart("test_metadata");
            json.writeStringField("name", test.name());
            ArtifactJson.writeField(json, "kwargs", test.kwargs());
            json.writeStringField("namespace", test.namespace());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writeCompiledFields(JsonGenerator json, Node node, Context context) throws IOException {
        String file = node.originalFilePath() == null ? "" : node.originalFilePath().toString();
        json.writeStringField("language", file.endsWith(".py") ? "python" : "sql");
        writeRefsAndSources(json, node);
        json.writeArrayFieldStart("metrics");
        json.writeEndArray();
        json.writeObjectFieldStart("depends_on");
        writeStrings(json, "macros", macros(node));
        writeStrings(json, "nodes", node.dependsOn());
        json.writeEndObject();
        String compiled = context.compiledCode().get(node.uniqueId());
        json.writeStringField("compiled_path", compiled == null ? null : compiledPath(node, context.targetDir()));
        json.writeBooleanField("compiled", compiled != null);
        json.writeStringField("compiled_code", compiled);
        json.writeBooleanField("extra_ctes_injected", compiled != null);
        json.writeArrayFieldStart("extra_ctes");
        json.writeEndArray();
        json.writeObjectFieldStart("contract");
        json.writeBooleanField("enforced", ConfigJson.contractEnforced(node));
        json.writeBooleanField("alias_types", true);
        json.writeNullField("checksum");
        json.writeEndObject();
    }

    static String path(Node node) {
        return node.resourcePath();
    }

    /** Where dbt writes compiled SQL: {@code target/compiled/<pkg>/<file>}, plus the test's own name for generic tests. */
    static String compiledPath(Node node, String targetDir) {
        String file = node.originalFilePath() == null ? path(node) : ArtifactJson.slashes(node.originalFilePath());
        String compiled = targetDir + "/compiled/" + node.packageName() + "/" + file;
        return node.testMetadata() != null ? compiled + "/" + path(node)
                : node.sharesItsFile() ? compiled + "/" + node.name() + ".sql" : compiled;
    }

    private static String fileKeyName(TestMetadata test) {
        String attached = test.attachedNode();
        if (attached == null) {
            return null;
        }
        String[] parts = attached.split("\\.");
        if (parts.length < 3) {
            return null;
        }
        return switch (parts[0]) {
            case "source" -> "sources." + parts[2];
            case "seed" -> "seeds." + parts[2];
            case "snapshot" -> "snapshots." + parts[2];
            default -> "models." + parts[2];
        };
    }

    /** Versions are numbers when they look like numbers, as YAML usually writes them. */
    private static void writeVersion(JsonGenerator json, String field, String version) throws IOException {
        if (version == null) {
            json.writeNullField(field);
            return;
        }
        try {
            BigDecimal number = new BigDecimal(version);
            if (number.scale() <= 0) {
                json.writeNumberField(field, number.toBigInteger().longValue());
            } else {
                json.writeNumberField(field, number);
            }
        } catch (NumberFormatException | ArithmeticException e) {
            json.writeStringField(field, version);
        }
    }

    /** {@code refs} and {@code sources}: the node's ref() and source() calls as dbt records them. */
    static void writeRefsAndSources(JsonGenerator json, Node node) throws IOException {
        json.writeArrayFieldStart("refs");
        for (RefCall ref : node.refs()) {
            json.writeStartObject();
            json.writeStringField("name", ref.name());
            json.writeStringField("package", ref.packageName());
            writeVersion(json, "version", ref.version());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("sources");
        for (SourceCall source : node.sources()) {
            json.writeStartArray();
            json.writeString(source.sourceName());
            json.writeString(source.tableName());
            json.writeEndArray();
        }
        json.writeEndArray();
    }

    /** The macros the node depends on, as its extra fields give them. */
    private static List<String> macros(Node node) {
        List<String> macros = new java.util.ArrayList<>();
        if (node.extra().get("macros") instanceof List<?> list) {
            list.forEach(m -> macros.add(String.valueOf(m)));
        }
        return macros;
    }

    static void writeStrings(JsonGenerator json, String field, List<String> values) throws IOException {
        json.writeArrayFieldStart(field);
        for (String value : values) {
            json.writeString(value);
        }
        json.writeEndArray();
    }

    static String sha256(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
