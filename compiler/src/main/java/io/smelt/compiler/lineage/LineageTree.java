package io.smelt.compiler.lineage;

import io.smelt.compiler.analysis.ColumnOrigin.Kind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A column with the columns it reaches one step at a time, upstream (what feeds it) or downstream
 * (what it feeds). A column met again further down is not expanded a second time ({@code repeated});
 * one at the depth limit is not expanded at all ({@code cut}).
 *
 * @param kind how this column relates to its parent in the tree; null at the root
 */
public record LineageTree(ColumnRef column, Kind kind, List<LineageTree> children, boolean repeated, boolean cut) {
    public LineageTree {
        children = List.copyOf(children);
    }

    /** @param depth how many steps to follow at most; 0 or less for all of them */
    public static LineageTree of(ProjectLineage lineage, ColumnRef root, boolean upstream, int depth) {
        return grow(lineage, root, null, upstream, depth, 0, new HashSet<>());
    }

    private static LineageTree grow(ProjectLineage lineage, ColumnRef column, Kind kind, boolean upstream, int depth, int level,
            Set<ColumnRef> expanded) {
        List<ProjectLineage.Edge> edges = upstream ? lineage.upstream(column) : lineage.downstream(column);
        if (edges.isEmpty()) {
            return new LineageTree(column, kind, List.of(), false, false);
        }
        if (depth > 0 && level >= depth) {
            return new LineageTree(column, kind, List.of(), false, true);
        }
        if (!expanded.add(column)) {
            return new LineageTree(column, kind, List.of(), true, false);
        }
        List<LineageTree> children = new ArrayList<>();
        for (ProjectLineage.Edge edge : edges) {
            children.add(grow(lineage, edge.column(), edge.kind(), upstream, depth, level + 1, expanded));
        }
        return new LineageTree(column, kind, children, false, false);
    }
}
