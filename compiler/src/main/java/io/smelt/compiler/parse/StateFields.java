package io.smelt.compiler.parse;

import io.smelt.compiler.context.ParseCapture;
import io.smelt.compiler.project.ConfigResolver;
import io.smelt.compiler.state.StateSidecar;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What state comparison reads of a parsed node, as {@code Node.extra} fields: {@code unrendered_config}
 * (the configs as the files write them), {@code macros} (what the code called, dbt's
 * {@code depends_on.macros}) and the vars its render read.
 */
final class StateFields {
    /** The {@code Node.extra} key of dbt's {@code unrendered_config}. */
    static final String UNRENDERED_CONFIG = "unrendered_config";
    private static final Pattern VAR_CALL = Pattern.compile("\\bvar\\(\\s*['\"](\\w+)['\"]");

    private StateFields() {
    }

    /**
     * @param templateText the node's code, whose {@code config()} calls are read unrendered
     * @param propertiesConfig the properties file's {@code config:} as written, or null
     * @param macros the macros the parse-time render called from the template itself
     */
    static Map<String, Object> of(ConfigResolver rules, String resourceKey, String pkg, List<String> fqn, String templateText,
            Map<String, Object> propertiesConfig, ParseCapture capture, Set<String> macros) {
        Map<String, Object> sqlConfig = null;
        if (!capture.configCalls().isEmpty()) {
            sqlConfig = ConfigCallText.of(templateText);
            // a call the text does not show (config(**kwargs)): its rendered arguments are all there is
            for (Map<String, Object> call : capture.configCalls()) {
                for (Map.Entry<String, Object> entry : ConfigResolver.normalize(call).entrySet()) {
                    sqlConfig.putIfAbsent(entry.getKey(), entry.getValue());
                }
            }
        }
        Map<String, Object> unrendered = rules.unrendered(resourceKey, pkg, fqn, propertiesConfig, sqlConfig);
        Set<String> vars = new TreeSet<>(capture.vars());
        // configs are rendered once for the whole project, not by this render: the vars they name count too
        Matcher var = VAR_CALL.matcher(unrendered.toString());
        while (var.find()) {
            vars.add(var.group(1));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(UNRENDERED_CONFIG, unrendered);
        fields.put("macros", List.copyOf(macros));
        fields.put(StateSidecar.VARS_READ, List.copyOf(vars));
        return fields;
    }
}
