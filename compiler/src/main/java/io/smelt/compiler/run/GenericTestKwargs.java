package io.smelt.compiler.run;

import io.smelt.compiler.context.DbtContext;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.jinja.JinjaFunction;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The arguments a generic test macro is called with: the YAML arguments, with {@code model} bound to
 * the tested relation and {@code ref(...)}/{@code source(...)} strings evaluated, as dbt does.
 */
final class GenericTestKwargs {
    private static final Pattern RELATION_CALL = Pattern.compile("^\\s*(ref|source)\\s*\\(.*\\)\\s*$", Pattern.DOTALL);

    private GenericTestKwargs() {
    }

    static Map<String, Object> resolve(LoadedProject project, Node test, DbtContext context) {
        Map<String, Object> kwargs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : test.testMetadata().kwargs().entrySet()) {
            Object value = entry.getValue();
            if ("model".equals(entry.getKey())) {
                value = model(project, test, context);
            }
            else if (value instanceof String text && RELATION_CALL.matcher(text).matches()) {
                value = evaluate(project, context, text);
            }
            else if (value instanceof String text && (text.contains("{{") || text.contains("{%"))) {
                value = project.engine().renderString(text, context.globals(Map.of()));
            }
            kwargs.put(entry.getKey(), value);
        }
        return kwargs;
    }

    private static Object model(LoadedProject project, Node test, DbtContext context) {
        Node attached = project.manifest().node(test.testMetadata().attachedNode());
        if (attached == null) {
            return null;
        }
        // As dbt writes it, ref('name') when the model is in the test's package, so that a project's
        // own ref() macro (which may take one argument) serves tests too
        Object relation = evaluate(project, context, attached.resourceType().dbtName().equals("source")
                ? "source('" + attached.sourceName() + "', '" + attached.name() + "')"
                : attached.packageName().equals(test.packageName()) ? "ref('" + attached.name() + "')"
                : "ref('" + attached.packageName() + "', '" + attached.name() + "')");
        return project.engine().callMacro(project.rootPackage(), "get_where_subquery", List.of(relation), Map.of(),
                context.globals(Map.of()));
    }

    /** Evaluates one Jinja expression to its value (not its printed text). */
    static Object evaluate(LoadedProject project, DbtContext context, String expression) {
        Object[] holder = new Object[1];
        Map<String, Object> extra = Map.of("_smelt_capture", (JinjaFunction) (args, kwargs) -> {
            holder[0] = args.isEmpty() ? null : args.get(0);
            return "";
        });
        project.engine().renderString("{% do _smelt_capture(" + expression + ") %}", context.globals(extra));
        return holder[0];
    }
}
