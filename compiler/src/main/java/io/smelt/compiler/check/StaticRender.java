package io.smelt.compiler.check;

import io.smelt.compiler.graph.MacroInfo;
import io.smelt.compiler.graph.Node;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether a model's parse-time render is the SQL it runs (bar relation names and the incremental
 * branch): true unless its template or a macro it calls, directly or not, reads {@code execute},
 * queries the warehouse, or reads the {@code graph}. Read from the text, so a mention in a branch
 * never taken counts too: such a model is not analysed rather than analysed wrongly.
 */
final class StaticRender {
    private static final Pattern DYNAMIC = Pattern.compile("\\b(execute|run_query|statement|load_result|load_relation"
            + "|graph|get_columns_in_relation|get_relation|get_columns_in_query)\\b|\\badapter\\s*\\.\\s*(get_|list_|load_)");

    private final Map<String, MacroInfo> macros;
    /** Per macro: what makes it (or a macro it calls) dynamic, or "" when nothing does. */
    private final Map<String, String> byMacro = new java.util.concurrent.ConcurrentHashMap<>();

    StaticRender(Map<String, MacroInfo> macros) {
        this.macros = macros;
    }

    /** Null when the model's SQL is static, else what makes it dynamic (for --debug). */
    String dynamicBecause(Node node) {
        if (node.rawCode() != null && DYNAMIC.matcher(node.rawCode()).find()) {
            return "its template reads the warehouse or `execute`";
        }
        if (node.extra().get("macros") instanceof List<?> called) {
            for (Object id : called) {
                String why = byMacro.computeIfAbsent(String.valueOf(id), this::macroDynamicBecause);
                if (!why.isEmpty()) {
                    return why;
                }
            }
        }
        return null;
    }

    private String macroDynamicBecause(String start) {
        Deque<String> todo = new ArrayDeque<>();
        todo.add(start);
        Set<String> seen = new HashSet<>();
        while (!todo.isEmpty()) {
            String id = todo.pop();
            if (!seen.add(id)) {
                continue;
            }
            MacroInfo macro = macros.get(id);
            if (macro == null) {
                continue;
            }
            if (macro.sql() != null && DYNAMIC.matcher(macro.sql()).find()) {
                return "macro " + macro.packageName() + "." + macro.name() + " reads the warehouse or `execute`";
            }
            todo.addAll(macro.dependsOn());
        }
        return "";
    }
}
