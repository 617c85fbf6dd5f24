package io.smelt.compiler.lineage;

import com.fasterxml.jackson.databind.JsonNode;
import io.smelt.compiler.analysis.ColumnOrigin;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What a change did to columns, for the pull-request report: the columns of the modified models
 * whose lineage differs from the previous run's (new, gone, or fed from other columns or in another
 * way), each with the columns downstream that it feeds. The previous run's lineage is each column's
 * {@code smelt.lineage} in its manifest; where that manifest has none (dbt's, or written without the
 * SQL check), every column of a modified model counts as changed.
 */
public final class ChangedColumns {
    private ChangedColumns() {
    }

    /**
     * @param modified the modified models' unique ids
     * @param previousNode a unique id to its entry in the previous manifest, or null
     * @return each changed column ({@code model.column} as written) to the downstream columns it feeds
     */
    public static Map<String, List<String>> of(ProjectLineage lineage, Collection<String> modified,
            Function<String, JsonNode> previousNode, Function<String, String> nameOf) {
        Map<String, List<String>> impact = new LinkedHashMap<>();
        for (String id : modified) {
            if (!lineage.known(id)) {
                continue;
            }
            Map<String, List<ColumnOrigin>> now = lineage.lineageOf(id);
            Map<String, Set<String>> before = previous(previousNode.apply(id));
            Set<String> changed = new LinkedHashSet<>();
            for (Map.Entry<String, List<ColumnOrigin>> column : now.entrySet()) {
                Set<String> was = before == null ? null : before.get(column.getKey().toLowerCase(Locale.ROOT));
                if (was == null || !was.equals(keys(column.getValue()))) {
                    changed.add(column.getKey());
                }
            }
            for (String column : changed) {
                Set<String> fed = new TreeSet<>();
                collect(lineage, new ColumnRef(id, column), fed, nameOf, new LinkedHashSet<>());
                impact.put(nameOf.apply(id) + "." + column, new ArrayList<>(fed));
            }
        }
        return impact;
    }

    private static void collect(ProjectLineage lineage, ColumnRef from, Set<String> fed, Function<String, String> nameOf,
            Set<ColumnRef> seen) {
        if (!seen.add(from)) {
            return;
        }
        for (ProjectLineage.Edge edge : lineage.downstream(from)) {
            fed.add(nameOf.apply(edge.column().node()) + "." + edge.column().column());
            collect(lineage, edge.column(), fed, nameOf, seen);
        }
    }

    /** Column (lower case) to its origins as {@code node|column|kind}, or null when the entry has no lineage. */
    private static Map<String, Set<String>> previous(JsonNode node) {
        if (node == null || !node.path("columns").isObject()) {
            return null;
        }
        Map<String, Set<String>> columns = new LinkedHashMap<>();
        boolean any = false;
        var fields = node.path("columns").fields();
        while (fields.hasNext()) {
            var field = fields.next();
            JsonNode origins = field.getValue().path("smelt").path("lineage");
            if (!origins.isArray()) {
                continue;
            }
            any = true;
            Set<String> keys = new TreeSet<>();
            origins.forEach(o -> keys.add(o.path("node").asText() + "|" + o.path("column").asText().toLowerCase(Locale.ROOT)
                    + "|" + o.path("kind").asText()));
            columns.put(field.getKey().toLowerCase(Locale.ROOT), keys);
        }
        return any ? columns : null;
    }

    private static Set<String> keys(List<ColumnOrigin> origins) {
        Set<String> keys = new TreeSet<>();
        origins.forEach(o -> keys.add(o.origin() + "|" + o.column().toLowerCase(Locale.ROOT) + "|" + o.kind().name().toLowerCase(Locale.ROOT)));
        return keys;
    }
}
