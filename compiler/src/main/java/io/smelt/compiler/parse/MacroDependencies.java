package io.smelt.compiler.parse;

import io.smelt.compiler.graph.MacroInfo;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.jinja.JinjaEngine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which macros code calls, read from its text as dbt's {@code statically_extract_macro_calls} does:
 * every {@code name(...)} or {@code package.name(...)} inside a Jinja tag that names a macro the
 * package sees, and for {@code adapter.dispatch('name')} every {@code <prefix>__name}. A call inside a
 * branch that parsing does not take ({@code {% if execute %}}) counts too, so a changed macro marks
 * every node that may call it.
 */
public final class MacroDependencies {
    private static final Pattern TAG = Pattern.compile("\\{\\{(.*?)}}|\\{%(.*?)%}", Pattern.DOTALL);
    private static final Pattern CALL = Pattern.compile("(?<![\\w.])([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)?)\\s*\\(");
    private static final Pattern DISPATCH = Pattern.compile("dispatch\\s*\\(\\s*(?:macro_name\\s*=\\s*)?['\"](\\w+)['\"]");

    private final JinjaEngine engine;
    private final Map<String, List<String>> byDispatchName = new java.util.HashMap<>();

    public MacroDependencies(JinjaEngine engine, Collection<MacroInfo> macros) {
        this.engine = engine;
        for (MacroInfo macro : macros) {
            int split = macro.name().indexOf("__");
            if (split > 0) {
                byDispatchName.computeIfAbsent(macro.name().substring(split + 2), k -> new ArrayList<>()).add(macro.uniqueId());
            }
        }
    }

    /** The macro with its {@code depends_on.macros}: the macros its body calls. */
    public MacroInfo withDependencies(MacroInfo macro) {
        Set<String> calls = calls(macro.packageName(), macro.sql());
        calls.remove(macro.uniqueId());
        return macro.withDependsOn(List.copyOf(calls));
    }

    /** The node with the macros its code calls added to those its parse-time render called. */
    public Node withDependencies(Node node) {
        Set<String> macros = new LinkedHashSet<>();
        if (node.extra().get("macros") instanceof List<?> recorded) {
            recorded.forEach(m -> macros.add(String.valueOf(m)));
        }
        if (node.testMetadata() == null) {
            macros.addAll(calls(node.packageName(), node.rawCode()));
        }
        return node.withExtra(Map.of("macros", List.copyOf(macros)));
    }

    private Set<String> calls(String packageName, String code) {
        Set<String> calls = new LinkedHashSet<>();
        if (code == null || code.isEmpty()) {
            return calls;
        }
        Matcher tags = TAG.matcher(code);
        while (tags.find()) {
            String tag = tags.group(1) != null ? tags.group(1) : tags.group(2);
            Matcher call = CALL.matcher(tag);
            while (call.find()) {
                String id = engine.macroUniqueId(packageName, call.group(1));
                if (id != null) {
                    calls.add(id);
                }
            }
            Matcher dispatch = DISPATCH.matcher(tag);
            while (dispatch.find()) {
                calls.addAll(byDispatchName.getOrDefault(dispatch.group(1), List.of()));
            }
        }
        return calls;
    }
}
