package io.smelt.compiler.exec;

import io.smelt.compiler.load.LoadedProject;
import io.smelt.compiler.context.DbtContext;
import io.smelt.compiler.graph.ModelVersions;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.jinja.JinjaFunction;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The arguments a generic test macro is called with: the YAML arguments, with {@code model} bound to
 * the tested relation and {@code ref(...)}/{@code source(...)} strings evaluated, as dbt does.
 */
public final class GenericTestKwargs {
    /** dbt's {@code looks_like_func}: a bare call that is rendered as if written in {@code {{ }}}. */
    private static final Pattern FUNCTION_CALL = Pattern.compile("^\\s*(env_var|ref|var|source|doc)\\s*\\(.+\\)\\s*$");
    private static final Pattern RENDER_CHARS = Pattern.compile("\\{[{%#]");

    private GenericTestKwargs() {
    }

    static Map<String, Object> resolve(LoadedProject project, Node test, DbtContext context) {
        Map<String, Object> globals = context.globals(Map.of());
        Map<String, Object> kwargs = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : test.testMetadata().kwargs().entrySet()) {
            Object value = entry.getValue();
            if ("model".equals(entry.getKey())) {
                value = model(project, test, context);
            }
            else if (!("column_name".equals(entry.getKey()) && value instanceof String)) {
                value = render(project, test.packageName(), globals, value);
            }
            kwargs.put(entry.getKey(), value);
        }
        return kwargs;
    }

    /**
     * Renders every text at any depth natively, as dbt's {@code add_rendered_test_kwargs} does:
     * {@code "{{ var('types') }}"} is the var's list, {@code ref('x')} (bare) the relation.
     */
    private static Object render(LoadedProject project, String packageName, Map<String, Object> globals, Object value) {
        if (value instanceof String text) {
            if (FUNCTION_CALL.matcher(text).matches()) {
                text = "{{ " + text + " }}";
            }
            return RENDER_CHARS.matcher(text).find() ? project.engine().renderNative(packageName, text, globals) : text;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> rendered = new LinkedHashMap<>();
            map.forEach((k, v) -> rendered.put(k, render(project, packageName, globals, v)));
            return rendered;
        }
        if (value instanceof List<?> list) {
            List<Object> rendered = new ArrayList<>(list.size());
            list.forEach(item -> rendered.add(render(project, packageName, globals, item)));
            return rendered;
        }
        return value;
    }

    private static Object model(LoadedProject project, Node test, DbtContext context) {
        Node attached = project.manifest().node(test.testMetadata().attachedNode());
        if (attached == null) {
            return null;
        }
        // As dbt writes it, ref('name') when the model is in the test's package, so that a project's
        // own ref() macro (which may take one argument) serves tests too
        String version = ModelVersions.versionOf(attached);
        String versionArg = version == null ? "" : ", version='" + version + "'";
        Object relation = evaluate(project, context, attached.resourceType().dbtName().equals("source")
                ? "source('" + attached.sourceName() + "', '" + attached.name() + "')"
                : attached.packageName().equals(test.packageName()) ? "ref('" + attached.name() + "'" + versionArg + ")"
                : "ref('" + attached.packageName() + "', '" + attached.name() + "'" + versionArg + ")");
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
