package io.smelt.compiler.openlineage;

import io.openlineage.client.OpenLineage;

import java.util.UUID;

/** Parent run facets: the invocation as every node's parent, and the run that started the invocation, if one is named. */
final class ParentRuns {
    private ParentRuns() {
    }

    /**
     * The parent facet naming this run and job; its root is the outer parent's root, else the outer
     * parent itself, else this run.
     */
    static OpenLineage.ParentRunFacet of(OpenLineage ol, UUID runId, String namespace, String name, OpenLineage.ParentRunFacet outer) {
        OpenLineage.ParentRunFacetRoot root;
        if (outer == null) {
            root = ol.newParentRunFacetRoot(ol.newRootRun(runId), ol.newRootJob(namespace, name));
        } else if (outer.getRoot() != null) {
            root = outer.getRoot();
        } else {
            root = ol.newParentRunFacetRoot(ol.newRootRun(outer.getRun().getRunId()),
                    ol.newRootJob(outer.getJob().getNamespace(), outer.getJob().getName()));
        }
        return ol.newParentRunFacetBuilder().run(ol.newParentRunFacetRun(runId)).job(ol.newParentRunFacetJob(namespace, name))
                .root(root).build();
    }

    /**
     * The run that started this invocation from {@code namespace/name/runId} ids as Airflow's
     * OpenLineage integration passes them, or null when none is given or it cannot be read.
     */
    static OpenLineage.ParentRunFacet fromIds(OpenLineage ol, String parentId, String rootParentId) {
        String[] parent = split(parentId);
        if (parent == null) {
            return null;
        }
        String[] root = split(rootParentId);
        if (root == null) {
            root = parent;
        }
        return ol.newParentRunFacetBuilder().run(ol.newParentRunFacetRun(UUID.fromString(parent[2])))
                .job(ol.newParentRunFacetJob(parent[0], parent[1]))
                .root(ol.newParentRunFacetRoot(ol.newRootRun(UUID.fromString(root[2])), ol.newRootJob(root[0], root[1])))
                .build();
    }

    private static String[] split(String id) {
        if (id == null) {
            return null;
        }
        String[] parts = id.split("/");
        if (parts.length != 3) {
            return null;
        }
        try {
            UUID.fromString(parts[2]);
            return parts;
        }
        catch (IllegalArgumentException e) {
            return null;
        }
    }
}
