package io.smelt.compiler.artifact;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import io.smelt.compiler.analysis.ColumnOrigin;
import io.smelt.compiler.graph.DocBlock;
import io.smelt.compiler.graph.MacroInfo;
import io.smelt.compiler.graph.Manifest;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.ResourceType;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * Writes {@code manifest.json} in dbt's v12 format, streaming, so that tools built for dbt
 * (docs sites, lineage, state comparison) read Smelt's projects.
 *
 * <pre>{@code
 * new ManifestWriter(manifest, meta).compiledCode(sqlById).write(target.resolve("manifest.json"));
 * }</pre>
 */
public final class ManifestWriter {
    public static final String SCHEMA_VERSION = "https://schemas.getdbt.com/dbt/manifest/v12.json";

    private final Manifest manifest;
    private final ArtifactMetadata meta;
    private Map<String, String> compiledCode = Map.of();
    private Function<Node, String> relationNames = ManifestWriter::defaultRelationName;
    private String targetDir;
    private Function<String, JsonNode> deferRelations = uniqueId -> null;
    private Function<String, Map<String, List<ColumnOrigin>>> columnLineage = uniqueId -> Map.of();

    public ManifestWriter(Manifest manifest, ArtifactMetadata meta) {
        this.manifest = requireNonNull(manifest, "manifest is null");
        this.meta = requireNonNull(meta, "meta is null");
    }

    public static void write(Path file, Manifest manifest, ArtifactMetadata meta) {
        new ManifestWriter(manifest, meta).write(file);
    }

    /** @param compiledCode compiled SQL by unique id, for the nodes that were compiled */
    public static void write(Path file, Manifest manifest, ArtifactMetadata meta, Map<String, String> compiledCode) {
        new ManifestWriter(manifest, meta).compiledCode(compiledCode).write(file);
    }

    /** Compiled SQL by unique id; nodes without an entry are written as not compiled. */
    public ManifestWriter compiledCode(Map<String, String> byUniqueId) {
        this.compiledCode = Map.copyOf(byUniqueId);
        return this;
    }

    /**
     * How to name each node's relation, as the engine quotes it ({@code "db"."main"."orders"}); null for
     * nodes without one. By default {@code database.schema.alias}, unquoted, for nodes with a relation.
     */
    public ManifestWriter relationNames(Function<Node, String> namer) {
        this.relationNames = requireNonNull(namer, "namer is null");
        return this;
    }

    /**
     * The comparison manifest's entry of each node that has a {@code defer_relation} (under
     * {@code --defer} and in {@code clone}), by unique id; null for the others.
     */
    public ManifestWriter deferRelations(Function<String, JsonNode> entries) {
        this.deferRelations = requireNonNull(entries, "entries is null");
        return this;
    }

    /**
     * Each model's column lineage by unique id (output column to the columns that feed it), written as
     * the columns' {@code smelt.lineage}; an empty map for nodes without.
     */
    public ManifestWriter columnLineage(Function<String, Map<String, List<ColumnOrigin>>> byUniqueId) {
        this.columnLineage = requireNonNull(byUniqueId, "byUniqueId is null");
        return this;
    }

    /** The folder name compiled paths start with; by default the name of the folder the manifest goes to. */
    public ManifestWriter targetDir(String name) {
        this.targetDir = requireNonNull(name, "name is null");
        return this;
    }

    /** Writes to {@code file} atomically (temporary file, then move), creating its folder. */
    public void write(Path file) {
        String dir = targetDir;
        if (dir == null) {
            Path parent = file.toAbsolutePath().getParent();
            dir = parent == null || parent.getFileName() == null ? "target" : parent.getFileName().toString();
        }
        String chosenDir = dir;
        ArtifactJson.writeAtomically(file, json -> writeBody(json, chosenDir));
    }

    public void writeTo(OutputStream out) {
        ArtifactJson.writeTo(out, json -> writeBody(json, targetDir == null ? "target" : targetDir));
    }

    static String defaultRelationName(Node node) {
        if (!node.hasRelation() || node.schema() == null) {
            return null;
        }
        String identifier = node.alias() == null ? node.name() : node.alias();
        return node.database() == null ? node.schema() + "." + identifier
                : node.database() + "." + node.schema() + "." + identifier;
    }

    private void writeBody(JsonGenerator json, String dir) throws IOException {
        NodeJson.Context context = new NodeJson.Context(ArtifactJson.epochSeconds(meta.generatedAt()), dir,
                compiledCode, relationNames, deferRelations, columnLineage);
        json.writeStartObject();
        writeMetadata(json);

        json.writeObjectFieldStart("nodes");
        List<Node> nodes = new ArrayList<>();
        for (Node node : manifest.nodes().values()) {
            if (node.resourceType() != ResourceType.SOURCE && node.resourceType() != ResourceType.UNIT_TEST) {
                nodes.add(node);
            }
        }
        ParallelJson.writeFields(json, nodes, Node::uniqueId, (out, node) -> NodeJson.write(out, node, context));
        json.writeEndObject();

        json.writeObjectFieldStart("sources");
        for (Node node : manifest.nodes().values()) {
            if (node.resourceType() == ResourceType.SOURCE) {
                json.writeFieldName(node.uniqueId());
                NodeJson.write(json, node, context);
            }
        }
        json.writeEndObject();

        json.writeObjectFieldStart("macros");
        for (MacroInfo macro : manifest.macros().values()) {
            writeMacro(json, macro, context.createdAt());
        }
        json.writeEndObject();

        json.writeObjectFieldStart("docs");
        for (DocBlock doc : manifest.docs()) {
            writeDoc(json, doc);
        }
        json.writeEndObject();

        json.writeObjectFieldStart("exposures");
        for (Node exposure : manifest.exposures().values()) {
            json.writeFieldName(exposure.uniqueId());
            NodeJson.write(json, exposure, context);
        }
        json.writeEndObject();

        for (String empty : List.of("metrics", "groups", "selectors")) {
            json.writeObjectFieldStart(empty);
            json.writeEndObject();
        }

        json.writeObjectFieldStart("disabled");
        for (Node node : manifest.disabled().values()) {
            if (node.resourceType() == ResourceType.UNIT_TEST) {
                continue;
            }
            json.writeArrayFieldStart(node.uniqueId());
            NodeJson.write(json, node, context);
            json.writeEndArray();
        }
        json.writeEndObject();

        writeEdgeMaps(json);

        for (String empty : List.of("saved_queries", "semantic_models")) {
            json.writeObjectFieldStart(empty);
            json.writeEndObject();
        }
        json.writeObjectFieldStart("unit_tests");
        for (Node node : manifest.nodes().values()) {
            if (node.resourceType() == ResourceType.UNIT_TEST) {
                json.writeFieldName(node.uniqueId());
                UnitTestJson.write(json, node, context.createdAt());
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }

    private void writeMetadata(JsonGenerator json) throws IOException {
        json.writeObjectFieldStart("metadata");
        ArtifactJson.writeMetadata(json, SCHEMA_VERSION, meta);
        json.writeStringField("project_name", manifest.projectName());
        json.writeStringField("project_id", manifest.projectName() == null ? null : md5(manifest.projectName()));
        json.writeNullField("user_id");
        json.writeBooleanField("send_anonymous_usage_stats", false);
        json.writeStringField("adapter_type", manifest.adapterType());
        json.writeStringField("run_started_at", ArtifactJson.timestamp(meta.invocationStartedAt()));
        json.writeEndObject();
    }

    /** parent_map, child_map and group_map, each list sorted as dbt sorts them. */
    private void writeEdgeMaps(JsonGenerator json) throws IOException {
        Map<String, List<String>> children = new TreeMap<>();
        Map<String, List<String>> groups = new TreeMap<>();
        List<Node> withEdges = new ArrayList<>(manifest.nodes().values());
        withEdges.addAll(manifest.exposures().values());
        for (Node node : withEdges) {
            children.putIfAbsent(node.uniqueId(), new ArrayList<>());
            for (String parent : node.dependsOn()) {
                children.computeIfAbsent(parent, k -> new ArrayList<>()).add(node.uniqueId());
            }
            Object group = node.config().get("group");
            if (group != null) {
                groups.computeIfAbsent(group.toString(), k -> new ArrayList<>()).add(node.uniqueId());
            }
        }
        json.writeObjectFieldStart("parent_map");
        for (Node node : withEdges) {
            NodeJson.writeStrings(json, node.uniqueId(), node.dependsOn().stream().sorted().toList());
        }
        json.writeEndObject();
        writeSortedLists(json, "child_map", children);
        writeSortedLists(json, "group_map", groups);
    }

    private static void writeSortedLists(JsonGenerator json, String field, Map<String, List<String>> lists)
            throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, List<String>> entry : lists.entrySet()) {
            List<String> sorted = new ArrayList<>(entry.getValue());
            sorted.sort(null);
            NodeJson.writeStrings(json, entry.getKey(), sorted);
        }
        json.writeEndObject();
    }

    private static void writeMacro(JsonGenerator json, MacroInfo macro, double createdAt) throws IOException {
        String path = macro.path() == null ? "" : ArtifactJson.slashes(macro.path());
        json.writeObjectFieldStart(macro.uniqueId());
        json.writeStringField("name", macro.name());
        json.writeStringField("resource_type", "macro");
        json.writeStringField("package_name", macro.packageName());
        json.writeStringField("path", path);
        json.writeStringField("original_file_path", path);
        json.writeStringField("unique_id", macro.uniqueId());
        json.writeStringField("macro_sql", macro.sql() == null ? "" : macro.sql());
        json.writeObjectFieldStart("depends_on");
        NodeJson.writeStrings(json, "macros", macro.dependsOn());
        json.writeEndObject();
        json.writeStringField("description", "");
        json.writeObjectFieldStart("meta");
        json.writeEndObject();
        json.writeObjectFieldStart("docs");
        json.writeBooleanField("show", true);
        json.writeNullField("node_color");
        json.writeEndObject();
        json.writeNullField("patch_path");
        json.writeArrayFieldStart("arguments");
        json.writeEndArray();
        json.writeNumberField("created_at", createdAt);
        json.writeNullField("supported_languages");
        json.writeEndObject();
    }

    private static void writeDoc(JsonGenerator json, DocBlock doc) throws IOException {
        json.writeObjectFieldStart(doc.uniqueId());
        json.writeStringField("name", doc.name());
        json.writeStringField("resource_type", "doc");
        json.writeStringField("package_name", doc.packageName());
        json.writeStringField("path", ArtifactJson.slashes(doc.path()));
        json.writeStringField("original_file_path", ArtifactJson.slashes(doc.originalFilePath()));
        json.writeStringField("unique_id", doc.uniqueId());
        json.writeStringField("block_contents", doc.contents());
        json.writeEndObject();
    }

    /** dbt's project_id: the md5 of the project name. */
    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has MD5", e);
        }
    }
}
