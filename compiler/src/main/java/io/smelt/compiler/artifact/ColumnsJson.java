package io.smelt.compiler.artifact;

import com.fasterxml.jackson.core.JsonGenerator;
import io.smelt.compiler.analysis.ColumnOrigin;
import io.smelt.compiler.graph.ColumnInfo;
import io.smelt.compiler.graph.Node;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A node's {@code columns}: the columns its YAML documents, as dbt writes them, and, for a model the
 * SQL check analysed, every column of its query with Smelt's extension {@code smelt.lineage}: the
 * columns that feed it. dbt's schema lets a column carry extra properties (dbt itself writes a
 * column's unknown YAML keys there); a column only the query has is written with dbt's defaults and
 * {@code smelt.documented} false.
 */
final class ColumnsJson {
    private ColumnsJson() {
    }

    /** @param lineage output column to origins, as the analysis spells the columns; empty when not known */
    static void write(JsonGenerator json, Node node, Map<String, List<ColumnOrigin>> lineage) throws IOException {
        Map<String, List<ColumnOrigin>> undocumented = new LinkedHashMap<>();
        lineage.forEach((column, origins) -> undocumented.put(column.toLowerCase(Locale.ROOT), origins));
        Map<String, String> spelling = new LinkedHashMap<>();
        lineage.keySet().forEach(column -> spelling.putIfAbsent(column.toLowerCase(Locale.ROOT), column));
        json.writeObjectFieldStart("columns");
        for (ColumnInfo column : node.columns().values()) {
            writeColumn(json, column.name(), column, undocumented.remove(column.name().toLowerCase(Locale.ROOT)));
        }
        for (Map.Entry<String, List<ColumnOrigin>> rest : undocumented.entrySet()) {
            writeColumn(json, spelling.get(rest.getKey()), null, rest.getValue());
        }
        json.writeEndObject();
    }

    private static void writeColumn(JsonGenerator json, String name, ColumnInfo column, List<ColumnOrigin> origins) throws IOException {
        Map<String, Object> meta = column == null ? Map.of() : column.meta();
        List<String> tags = column == null ? List.of() : column.tags();
        json.writeObjectFieldStart(name);
        json.writeStringField("name", name);
        json.writeStringField("description", column == null ? "" : column.description());
        ArtifactJson.writeField(json, "meta", meta);
        json.writeStringField("data_type", column == null ? null : column.dataType());
        ArtifactJson.writeField(json, "constraints", column == null ? List.of() : column.constraints());
        if (column == null || column.quote() == null) {
            json.writeNullField("quote");
        } else {
            json.writeBooleanField("quote", column.quote());
        }
        NodeJson.writeStrings(json, "tags", tags);
        // dbt 1.10's ColumnConfig: meta and tags, the same merged values as the column's own
        json.writeObjectFieldStart("config");
        ArtifactJson.writeField(json, "meta", meta);
        NodeJson.writeStrings(json, "tags", tags);
        json.writeEndObject();
        json.writeNullField("granularity");
        json.writeArrayFieldStart("doc_blocks");
        json.writeEndArray();
        if (origins != null) {
            json.writeObjectFieldStart("smelt");
            // state comparison leaves out what no YAML wrote, so a manifest with lineage compares as one without
            json.writeBooleanField("documented", column != null);
            json.writeArrayFieldStart("lineage");
            for (ColumnOrigin origin : origins) {
                json.writeStartObject();
                json.writeStringField("node", origin.origin());
                json.writeStringField("column", origin.column());
                json.writeStringField("kind", origin.kind().name().toLowerCase(Locale.ROOT));
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeEndObject();
    }
}
