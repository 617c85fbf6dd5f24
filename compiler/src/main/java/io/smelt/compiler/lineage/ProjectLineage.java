package io.smelt.compiler.lineage;

import io.smelt.compiler.analysis.Analysis;
import io.smelt.compiler.analysis.ColumnOrigin;
import io.smelt.compiler.analysis.ColumnOrigin.Kind;
import io.smelt.compiler.analysis.ColumnType;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The column lineage of a whole project: every analysed model's lineage, one query at a time,
 * joined on node unique ids. An ephemeral model is a node like any other, so lineage runs through it.
 * Walking upstream ends at sources, seeds and models that were not analysed.
 */
public final class ProjectLineage {
    private final Map<String, Analysis> analyses;
    private final Map<ColumnRef, List<Edge>> downstream = new LinkedHashMap<>();

    /** One step from a column to another: the column at the other end and how the first reads it. */
    public record Edge(ColumnRef column, Kind kind) {
    }

    private ProjectLineage(Map<String, Analysis> analyses) {
        this.analyses = analyses;
        analyses.forEach((node, analysis) -> analysis.lineage().forEach((column, origins) -> {
            for (ColumnOrigin origin : origins) {
                downstream.computeIfAbsent(new ColumnRef(origin.origin(), origin.column()), k -> new ArrayList<>())
                        .add(new Edge(new ColumnRef(node, column), origin.kind()));
            }
        }));
    }

    /** @param analyses each model's analysis by unique id, as the SQL check made it */
    public static ProjectLineage of(Map<String, Analysis> analyses) {
        // by unique id, so that trees and the manifest list columns in the same order every time
        return new ProjectLineage(Collections.unmodifiableMap(new TreeMap<>(analyses)));
    }

    /** The model's analysis, or null when it is not a model the SQL check looked at. */
    public Analysis analysis(String node) {
        return analyses.get(node);
    }

    /** Each output column's origins, for a model whose lineage is known; empty otherwise. */
    public Map<String, List<ColumnOrigin>> lineageOf(String node) {
        Analysis analysis = analyses.get(node);
        return analysis == null || analysis.status() != Analysis.Status.ANALYSED ? Map.of() : analysis.lineage();
    }

    /** Whether the node's columns have lineage, that is, walking upstream goes on past it. */
    public boolean known(String node) {
        return !lineageOf(node).isEmpty();
    }

    /** The model's output columns as its analysis inferred them; empty when it was not analysed. */
    public List<String> columns(String node) {
        Analysis analysis = analyses.get(node);
        return analysis == null ? List.of() : analysis.columns().stream().map(ColumnType::name).toList();
    }

    /** The column of a model as its analysis spells it, matched without regard to case; null when it has none such. */
    public String column(String node, String column) {
        for (String name : columns(node)) {
            if (name.equalsIgnoreCase(column)) {
                return name;
            }
        }
        return null;
    }

    /** The columns of a node that analysed models read, as those models' inputs spell them. */
    public Set<String> readColumns(String node) {
        Set<String> columns = new TreeSet<>();
        downstream.keySet().forEach(ref -> {
            if (ref.node().equals(node)) {
                columns.add(ref.column());
            }
        });
        return columns;
    }

    /** The columns that feed this one, one step up. */
    public List<Edge> upstream(ColumnRef column) {
        List<Edge> edges = new ArrayList<>();
        for (ColumnOrigin origin : lineageOf(column.node()).getOrDefault(column.column(), List.of())) {
            edges.add(new Edge(new ColumnRef(origin.origin(), origin.column()), origin.kind()));
        }
        return edges;
    }

    /** The columns of other models this one feeds, one step down; any column of a source or seed, without regard to case. */
    public List<Edge> downstream(ColumnRef column) {
        List<Edge> edges = new ArrayList<>(downstream.getOrDefault(column, List.of()));
        if (edges.isEmpty()) {
            downstream.forEach((ref, found) -> {
                if (ref.node().equals(column.node()) && ref.column().equalsIgnoreCase(column.column())) {
                    edges.addAll(found);
                }
            });
        }
        return edges;
    }

    /**
     * Where the column comes from in the end (sources, seeds, models without lineage), each with how
     * it feeds the column over the whole path: see {@link #compose}.
     */
    public Set<Edge> origins(ColumnRef column) {
        Set<Edge> found = new LinkedHashSet<>();
        walk(column, null, found, new HashMap<>());
        return found;
    }

    private void walk(ColumnRef column, Kind sofar, Set<Edge> found, Map<ColumnRef, Set<Kind>> visited) {
        for (Edge edge : upstream(column)) {
            Kind kind = sofar == null ? edge.kind() : compose(sofar, edge.kind());
            if (!visited.computeIfAbsent(edge.column(), k -> new LinkedHashSet<>()).add(kind)) {
                continue;
            }
            if (known(edge.column().node()) && lineageOf(edge.column().node()).containsKey(edge.column().column())) {
                walk(edge.column(), kind, found, visited);
            } else {
                found.add(new Edge(edge.column(), kind));
            }
        }
    }

    /**
     * How a column feeds another through a column between them: a filter or join key stays one
     * (the inner's role first: a column that filters a parent's rows still filters them), a copy of a
     * copy is a copy, and a computation anywhere on the way makes the value transformed.
     */
    public static Kind compose(Kind outer, Kind inner) {
        if (inner == Kind.FILTER || inner == Kind.JOIN) {
            return inner;
        }
        if (outer == Kind.FILTER || outer == Kind.JOIN) {
            return outer;
        }
        return outer == Kind.TRANSFORMED || inner == Kind.TRANSFORMED ? Kind.TRANSFORMED : Kind.DIRECT;
    }

    /** The kind as the manifest and {@code smelt lineage} write it: {@code direct}, {@code transformed}, {@code filter}, {@code join}. */
    public static String name(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** Lineage for the manifest: unique id to output column to origins, for the models that have it. */
    public Map<String, Map<String, List<ColumnOrigin>>> byNode() {
        Map<String, Map<String, List<ColumnOrigin>>> all = new LinkedHashMap<>();
        analyses.forEach((node, analysis) -> {
            if (known(node)) {
                all.put(node, analysis.lineage());
            }
        });
        return all;
    }
}
