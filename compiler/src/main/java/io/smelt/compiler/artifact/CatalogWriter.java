package io.smelt.compiler.artifact;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static java.util.Objects.requireNonNull;

/**
 * Writes {@code catalog.json} in dbt's v1 format: the relations of nodes and of sources as the
 * engine's catalog holds them, keyed by unique id, and the errors met reading the catalog.
 */
public final class CatalogWriter {
    public static final String SCHEMA_VERSION = "https://schemas.getdbt.com/dbt/catalog/v1.json";

    private final Map<String, CatalogTable> nodes;
    private final Map<String, CatalogTable> sources;
    private final List<String> errors;
    private final ArtifactMetadata meta;

    /** @param errors null or empty when the catalog was read whole (written as null, as dbt does) */
    public CatalogWriter(Map<String, CatalogTable> nodes, Map<String, CatalogTable> sources, List<String> errors, ArtifactMetadata meta) {
        this.nodes = requireNonNull(nodes, "nodes is null");
        this.sources = requireNonNull(sources, "sources is null");
        this.errors = errors == null ? List.of() : List.copyOf(errors);
        this.meta = requireNonNull(meta, "meta is null");
    }

    public void write(Path file) {
        ArtifactJson.writeArtifact(file, SCHEMA_VERSION, meta, json -> {
            writeTables(json, "nodes", nodes);
            writeTables(json, "sources", sources);
            if (errors.isEmpty()) {
                json.writeNullField("errors");
            }
            else {
                json.writeArrayFieldStart("errors");
                for (String error : errors) {
                    json.writeString(error);
                }
                json.writeEndArray();
            }
        });
    }

    private static void writeTables(JsonGenerator json, String field, Map<String, CatalogTable> tables) throws IOException {
        json.writeObjectFieldStart(field);
        for (Map.Entry<String, CatalogTable> entry : tables.entrySet()) {
            json.writeObjectFieldStart(entry.getKey());
            writeTable(json, entry.getValue());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writeTable(JsonGenerator json, CatalogTable table) throws IOException {
        json.writeObjectFieldStart("metadata");
        json.writeStringField("type", table.type());
        json.writeStringField("schema", table.schema());
        json.writeStringField("name", table.name());
        json.writeStringField("database", table.database());
        json.writeStringField("comment", table.comment());
        json.writeStringField("owner", table.owner());
        json.writeEndObject();
        json.writeObjectFieldStart("columns");
        for (CatalogTable.Column column : table.columns().values()) {
            json.writeObjectFieldStart(column.name());
            json.writeStringField("type", column.type());
            json.writeNumberField("index", column.index());
            json.writeStringField("name", column.name());
            json.writeStringField("comment", column.comment());
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeObjectFieldStart("stats");
        for (CatalogTable.Stat stat : table.stats().values()) {
            writeStat(json, stat);
        }
        // dbt adds it to every table and never shows it
        writeStat(json, new CatalogTable.Stat("has_stats", "Has Stats?", !table.stats().isEmpty(),
                "Indicates whether there are statistics for this table", false));
        json.writeEndObject();
        json.writeStringField("unique_id", table.uniqueId());
    }

    private static void writeStat(JsonGenerator json, CatalogTable.Stat stat) throws IOException {
        json.writeObjectFieldStart(stat.id());
        json.writeStringField("id", stat.id());
        json.writeStringField("label", stat.label());
        json.writeFieldName("value");
        Object value = stat.value();
        if (value == null) {
            json.writeNull();
        }
        else if (value instanceof Boolean b) {
            json.writeBoolean(b);
        }
        else if (value instanceof Long || value instanceof Integer || value instanceof Short) {
            json.writeNumber(((Number) value).longValue());
        }
        else if (value instanceof java.math.BigDecimal || value instanceof java.math.BigInteger) {
            json.writeNumber(new java.math.BigDecimal(value.toString()));
        }
        else if (value instanceof Number n) {
            json.writeNumber(n.doubleValue());
        }
        else {
            json.writeString(value.toString());
        }
        json.writeBooleanField("include", stat.include());
        json.writeStringField("description", stat.description());
        json.writeEndObject();
    }
}
