package io.smelt.compiler.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A previous run's manifest.json, Smelt's or dbt-core's (schema v12, and the older v10 and v11 whose
 * node entries have the same fields), as its entries' JSON by unique id.
 *
 * @param nodes models, seeds, snapshots, tests, analyses, sources and unit tests (manifest {@code nodes}, {@code sources}
 *     and {@code unit_tests})
 * @param macros {@code macros} by unique id
 * @param schemaVersion the manifest's version number (12 for v12)
 * @param file where it was read, for messages
 */
public record StateManifest(Map<String, JsonNode> nodes, Map<String, JsonNode> macros, int schemaVersion, Path file) {
    private static final Pattern VERSION = Pattern.compile("/manifest/v(\\d+)\\.json");

    public StateManifest {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        macros = Collections.unmodifiableMap(new LinkedHashMap<>(macros));
    }

    /** Reads a manifest's JSON; {@code file} names it in messages. */
    public static StateManifest of(JsonNode json, Path file) {
        JsonNode metadata = json.path("metadata");
        Matcher m = VERSION.matcher(metadata.path("dbt_schema_version").asText(""));
        if (!m.find()) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, file + " is not a dbt manifest (metadata.dbt_schema_version is "
                    + (metadata.has("dbt_schema_version") ? "'" + metadata.path("dbt_schema_version").asText() + "'" : "missing") + ")",
                    "give the folder of a manifest.json written by Smelt or by dbt-core 1.5 or later");
        }
        int version = Integer.parseInt(m.group(1));
        if (version < 10) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, file + " is a manifest v" + version + ", older than Smelt reads",
                    "write it again with dbt-core 1.5 or later (manifest v10 and later), or with Smelt");
        }
        Map<String, JsonNode> nodes = new LinkedHashMap<>();
        json.path("nodes").fields().forEachRemaining(e -> nodes.put(e.getKey(), e.getValue()));
        json.path("sources").fields().forEachRemaining(e -> nodes.put(e.getKey(), e.getValue()));
        json.path("unit_tests").fields().forEachRemaining(e -> nodes.put(e.getKey(), e.getValue()));
        Map<String, JsonNode> macros = new LinkedHashMap<>();
        json.path("macros").fields().forEachRemaining(e -> macros.put(e.getKey(), e.getValue()));
        return new StateManifest(nodes, macros, version, file);
    }

    /** The entry of a node or source, or null when the previous run had none. */
    public JsonNode node(String uniqueId) {
        return nodes.get(uniqueId);
    }

    /**
     * Where the previous run put a node: its {@code relation_name} as written, or null for nodes without
     * one (tests, ephemeral models) and nodes it did not have.
     */
    public Relation relation(String uniqueId) {
        JsonNode node = nodes.get(uniqueId);
        if (node == null) {
            return null;
        }
        String name = text(node, "relation_name");
        if (name == null) {
            return null;
        }
        String identifier = node.has("alias") ? text(node, "alias") : text(node, "identifier");
        return new Relation(text(node, "database"), text(node, "schema"), identifier != null ? identifier : text(node, "name"), name,
                node.path("config").path("materialized").asText(null));
    }

    /** A relation of the previous run, as its manifest gives it. */
    public record Relation(String database, String schema, String identifier, String renderedName, String materialized) {
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
