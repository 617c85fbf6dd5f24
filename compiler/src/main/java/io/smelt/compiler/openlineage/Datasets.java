package io.smelt.compiler.openlineage;

import io.openlineage.client.OpenLineage;
import io.smelt.compiler.analysis.Analysis;
import io.smelt.compiler.analysis.ColumnOrigin;
import io.smelt.compiler.analysis.ColumnType;
import io.smelt.compiler.graph.ColumnInfo;
import io.smelt.compiler.graph.Manifest;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.lineage.ProjectLineage;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The datasets of a project's nodes as OpenLineage names them: the engine's namespace and
 * {@code database.schema.identifier}, with their schema (the SQL analysis's columns and types, else
 * the declared ones), data source, documentation and, for analysed models, column lineage.
 */
final class Datasets {
    private final OpenLineage ol;
    private final String namespace;
    private final Manifest manifest;
    private final Supplier<Map<String, Analysis>> analyses;

    /** @param analyses each model's analysis by unique id, asked for on the first dataset that needs it; may give null */
    Datasets(OpenLineage ol, String namespace, Manifest manifest, Supplier<Map<String, Analysis>> analyses) {
        this.ol = ol;
        this.namespace = namespace;
        this.manifest = manifest;
        this.analyses = analyses;
    }

    /** The manifest's node with this unique id, or null. */
    Node node(String uniqueId) {
        return manifest.node(uniqueId);
    }

    /** {@code database.schema.identifier}, leaving out the parts the engine has none of. */
    static String name(Node node) {
        String identifier = node.alias() == null ? node.name() : node.alias();
        return Stream.of(node.database(), node.schema(), identifier).filter(part -> part != null && !part.isEmpty())
                .collect(Collectors.joining("."));
    }

    /** The relations a node reads: its parents with a relation, looking through ephemeral models. */
    List<Node> parents(Node node) {
        Set<Node> found = new LinkedHashSet<>();
        collectParents(node, found, new HashSet<>());
        return List.copyOf(found);
    }

    private void collectParents(Node node, Set<Node> found, Set<String> seen) {
        for (String id : node.dependsOn()) {
            Node parent = manifest.node(id);
            if (parent == null || !seen.add(id)) {
                continue;
            }
            if (parent.isEphemeral()) {
                collectParents(parent, found, seen);
            } else if (parent.hasRelation()) {
                found.add(parent);
            }
        }
    }

    OpenLineage.InputDataset input(Node node, OpenLineage.InputDatasetInputFacets inputFacets) {
        return ol.newInputDatasetBuilder().namespace(namespace).name(name(node)).facets(facets(node, false))
                .inputFacets(inputFacets).build();
    }

    /** @param rows the rows the engine said it wrote, or a negative number when it did not say */
    OpenLineage.OutputDataset output(Node node, boolean withLineage, long rows) {
        OpenLineage.OutputDatasetBuilder output = ol.newOutputDatasetBuilder().namespace(namespace).name(name(node))
                .facets(facets(node, withLineage));
        if (rows > 0) {
            output.outputFacets(ol.newOutputDatasetOutputFacetsBuilder()
                    .outputStatistics(ol.newOutputStatisticsOutputDatasetFacetBuilder().rowCount(rows).build()).build());
        }
        return output.build();
    }

    private OpenLineage.DatasetFacets facets(Node node, boolean withLineage) {
        OpenLineage.DatasetFacetsBuilder facets = ol.newDatasetFacetsBuilder()
                .dataSource(ol.newDatasourceDatasetFacet(namespace, URI.create(namespace)));
        List<OpenLineage.SchemaDatasetFacetFields> fields = schema(node);
        if (!fields.isEmpty()) {
            facets.schema(ol.newSchemaDatasetFacet(fields));
        }
        if (node.description() != null && !node.description().isBlank()) {
            facets.documentation(ol.newDocumentationDatasetFacetBuilder().description(node.description()).build());
        }
        if (withLineage) {
            OpenLineage.ColumnLineageDatasetFacet lineage = columnLineage(node);
            if (lineage != null) {
                facets.columnLineage(lineage);
            }
        }
        return facets.build();
    }

    /** The node's columns: as the SQL analysis inferred them (names and types), else as declared in YAML. */
    List<OpenLineage.SchemaDatasetFacetFields> schema(Node node) {
        Map<String, ColumnInfo> declared = new LinkedHashMap<>();
        node.columns().values().forEach(column -> declared.put(column.name().toLowerCase(java.util.Locale.ROOT), column));
        Analysis analysis = analysis(node.uniqueId());
        List<OpenLineage.SchemaDatasetFacetFields> fields = new ArrayList<>();
        if (analysis != null && analysis.status() == Analysis.Status.ANALYSED && !analysis.columns().isEmpty()) {
            for (ColumnType column : analysis.columns()) {
                ColumnInfo info = declared.get(column.name().toLowerCase(java.util.Locale.ROOT));
                // the analysis says ANY where it cannot tell (a structured or untyped column)
                boolean known = column.type() != null && !"ANY".equalsIgnoreCase(column.type());
                String type = known ? column.type() : info == null ? null : info.dataType();
                fields.add(field(column.name(), type, info == null ? null : info.description()));
            }
            return fields;
        }
        for (ColumnInfo column : node.columns().values()) {
            fields.add(field(column.name(), column.dataType(), column.description()));
        }
        return fields;
    }

    private OpenLineage.SchemaDatasetFacetFields field(String name, String type, String description) {
        return ol.newSchemaDatasetFacetFieldsBuilder().name(name).type(type)
                .description(description == null || description.isBlank() ? null : description).build();
    }

    /** Each output column's input columns, one step up to relations (through ephemeral models), or null when unknown. */
    OpenLineage.ColumnLineageDatasetFacet columnLineage(Node node) {
        Analysis analysis = analysis(node.uniqueId());
        if (analysis == null || analysis.status() != Analysis.Status.ANALYSED || analysis.lineage().isEmpty()) {
            return null;
        }
        OpenLineage.ColumnLineageDatasetFacetFieldsBuilder fields = ol.newColumnLineageDatasetFacetFieldsBuilder();
        analysis.lineage().forEach((column, origins) -> {
            Map<String, OpenLineage.InputField> inputs = new LinkedHashMap<>();
            for (ColumnOrigin origin : origins) {
                addInputs(origin, origin.kind(), inputs, new HashSet<>());
            }
            if (!inputs.isEmpty()) {
                fields.put(column, ol.newColumnLineageDatasetFacetFieldsAdditionalBuilder()
                        .inputFields(List.copyOf(inputs.values())).build());
            }
        });
        OpenLineage.ColumnLineageDatasetFacetFields built = fields.build();
        return built.getAdditionalProperties().isEmpty() ? null : ol.newColumnLineageDatasetFacetBuilder().fields(built).build();
    }

    private void addInputs(ColumnOrigin origin, ColumnOrigin.Kind kind, Map<String, OpenLineage.InputField> inputs, Set<String> seen) {
        Node from = manifest.node(origin.origin());
        if (from == null || !seen.add(origin.origin() + "." + origin.column() + "." + kind)) {
            return;
        }
        if (from.isEphemeral()) {
            Analysis through = analysis(from.uniqueId());
            List<ColumnOrigin> further = through == null ? List.of() : through.lineage().getOrDefault(origin.column(), List.of());
            for (ColumnOrigin next : further) {
                addInputs(next, ProjectLineage.compose(kind, next.kind()), inputs, seen);
            }
            return;
        }
        String key = name(from) + "." + origin.column() + "." + kind;
        inputs.putIfAbsent(key, ol.newInputFieldBuilder().namespace(namespace).name(name(from)).field(origin.column())
                .transformations(List.of(transformation(kind))).build());
    }

    /** Smelt's kinds as OpenLineage's transformation types: copies and computations are direct, filters and join keys indirect. */
    private OpenLineage.InputFieldTransformations transformation(ColumnOrigin.Kind kind) {
        return switch (kind) {
            case DIRECT -> ol.newInputFieldTransformations("DIRECT", "IDENTITY", null, false);
            case TRANSFORMED -> ol.newInputFieldTransformations("DIRECT", "TRANSFORMATION", null, false);
            case FILTER -> ol.newInputFieldTransformations("INDIRECT", "FILTER", null, false);
            case JOIN -> ol.newInputFieldTransformations("INDIRECT", "JOIN", null, false);
        };
    }

    private Analysis analysis(String uniqueId) {
        Node node = manifest.node(uniqueId);
        if (node == null || node.resourceType() != io.smelt.compiler.graph.ResourceType.MODEL) {
            // only models are analysed: a seed's or snapshot's events never pay for the analysis
            return null;
        }
        Map<String, Analysis> all = analyses.get();
        return all == null ? null : all.get(uniqueId);
    }
}
