package io.smelt.compiler.openlineage;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.graph.TestMetadata;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;

import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One node's run events, shaped as OpenLineage's dbt integration shapes them: the job is named by
 * the node's unique id in the job namespace, its parent is the invocation's run; a model or
 * snapshot writes its relation (with column lineage) and reads its parents', a seed writes its
 * table (with the rows the engine reported, as dbt-ol's {@code outputStatistics}), a data test reads the relation it tests with a data-quality assertion.
 */
final class NodeEvents {
    /** The version of OpenLineage's Java client on the class path (the pom's {@code openlineage.version}). */
    static final String CLIENT_VERSION = "1.39.0";

    private final OpenLineage ol;
    private final Datasets datasets;
    private final String jobNamespace;
    private final String dialect;
    private final String smeltVersion;
    private final OpenLineage.ParentRunFacet parent;

    /** @param parent the invocation's run, every node's parent */
    NodeEvents(OpenLineage ol, Datasets datasets, String jobNamespace, String dialect, String smeltVersion,
            OpenLineage.ParentRunFacet parent) {
        this.ol = ol;
        this.datasets = datasets;
        this.jobNamespace = jobNamespace;
        this.dialect = dialect;
        this.smeltVersion = smeltVersion;
        this.parent = parent;
    }

    OpenLineage.RunEvent start(Node node, UUID runId, ZonedDateTime at) {
        return event(EventType.START, at, runs(runId, null), job(node, null), inputs(node, null), outputs(node, false, -1));
    }

    /** COMPLETE for success, pass and warn; FAIL, with the error message, for error and fail; ABORT for skipped. */
    OpenLineage.RunEvent finished(NodeResult result, UUID runId, ZonedDateTime at, String compiledSql) {
        EventType type = switch (result.status()) {
            case SUCCESS, PASS, WARN -> EventType.COMPLETE;
            case ERROR, FAIL -> EventType.FAIL;
            case SKIPPED -> EventType.ABORT;
        };
        OpenLineage.ErrorMessageRunFacet error = type == EventType.FAIL
                ? ol.newErrorMessageRunFacet(result.message(), "sql", null) : null;
        boolean lineage = type != EventType.ABORT;
        long rows = type == EventType.COMPLETE && result.adapterResponse().get("rows_affected") instanceof Number n ? n.longValue() : -1;
        return event(type, at, runs(runId, error), job(result.node(), compiledSql), inputs(result.node(), result),
                outputs(result.node(), lineage, rows));
    }

    /** The invocation's own events: a job of type JOB whose run every node's parent facet names. */
    OpenLineage.RunEvent invocation(EventType type, UUID runId, String jobName, OpenLineage.ParentRunFacet outer,
            String error, ZonedDateTime at) {
        OpenLineage.RunFacetsBuilder facets = ol.newRunFacetsBuilder().processing_engine(engine());
        if (outer != null) {
            facets.parent(outer);
        }
        if (error != null) {
            facets.errorMessage(ol.newErrorMessageRunFacet(error, "sql", null));
        }
        OpenLineage.Job job = ol.newJobBuilder().namespace(jobNamespace).name(jobName)
                .facets(ol.newJobFacetsBuilder().jobType(jobType("JOB")).build()).build();
        return event(type, at, ol.newRunBuilder().runId(runId).facets(facets.build()).build(), job, List.of(), List.of());
    }

    private OpenLineage.RunEvent event(EventType type, ZonedDateTime at, OpenLineage.Run run, OpenLineage.Job job,
            List<OpenLineage.InputDataset> inputs, List<OpenLineage.OutputDataset> outputs) {
        return ol.newRunEventBuilder().eventType(type).eventTime(at).run(run).job(job).inputs(inputs).outputs(outputs).build();
    }

    private OpenLineage.Run runs(UUID runId, OpenLineage.ErrorMessageRunFacet error) {
        OpenLineage.RunFacetsBuilder facets = ol.newRunFacetsBuilder().parent(parent).processing_engine(engine());
        if (error != null) {
            facets.errorMessage(error);
        }
        return ol.newRunBuilder().runId(runId).facets(facets.build()).build();
    }

    private OpenLineage.ProcessingEngineRunFacet engine() {
        return ol.newProcessingEngineRunFacet(smeltVersion, "smelt", CLIENT_VERSION);
    }

    private OpenLineage.Job job(Node node, String compiledSql) {
        OpenLineage.JobFacetsBuilder facets = ol.newJobFacetsBuilder().jobType(jobType(jobTypeOf(node)));
        if (compiledSql != null && !compiledSql.isBlank()) {
            facets.sql(ol.newSQLJobFacet(compiledSql, dialect));
        }
        return ol.newJobBuilder().namespace(jobNamespace).name(node.uniqueId()).facets(facets.build()).build();
    }

    private OpenLineage.JobTypeJobFacet jobType(String type) {
        return ol.newJobTypeJobFacet("BATCH", "DBT", type);
    }

    /** dbt-ol's job types: MODEL, SNAPSHOT, SEED, TEST (unit tests too). */
    static String jobTypeOf(Node node) {
        return switch (node.resourceType()) {
            case UNIT_TEST -> "TEST";
            default -> node.resourceType().name().toUpperCase(Locale.ROOT);
        };
    }

    private List<OpenLineage.InputDataset> inputs(Node node, NodeResult result) {
        if (node.resourceType() == ResourceType.UNIT_TEST || node.resourceType() == ResourceType.SEED) {
            return List.of();
        }
        if (node.resourceType() != ResourceType.TEST) {
            return datasets.parents(node).stream().map(parentNode -> datasets.input(parentNode, null)).toList();
        }
        TestMetadata test = node.testMetadata();
        Node attached = test == null || test.attachedNode() == null ? null : datasets.node(test.attachedNode());
        List<Node> tested = attached != null ? List.of(attached) : datasets.parents(node);
        OpenLineage.InputDatasetInputFacets facets = result == null || result.status() == NodeStatus.SKIPPED ? null
                : ol.newInputDatasetInputFacetsBuilder().dataQualityAssertions(ol.newDataQualityAssertionsDatasetFacet(
                        List.of(ol.newDataQualityAssertionsDatasetFacetAssertions(test == null ? node.name() : test.name(),
                                result.status() == NodeStatus.PASS, test == null ? null : test.columnName())))).build();
        return tested.stream().map(dataset -> datasets.input(dataset, facets)).toList();
    }

    private List<OpenLineage.OutputDataset> outputs(Node node, boolean withLineage, long rows) {
        boolean writes = node.hasRelation() && node.resourceType() != ResourceType.TEST
                && node.resourceType() != ResourceType.UNIT_TEST;
        return writes ? List.of(datasets.output(node, withLineage, rows)) : List.of();
    }
}
