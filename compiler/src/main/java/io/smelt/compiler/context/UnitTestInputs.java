package io.smelt.compiler.context;

import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a unit test changes in its model's render: the refs and sources it gives rows for read from
 * CTEs, and its overrides replace macros, vars and environment variables.
 *
 * @param relations unique id of a given input's node, and the CTE that holds its rows
 * @param thisName the CTE of {@code this} when the test gives its rows, else null
 * @param macros a macro name and the value it returns
 */
public record UnitTestInputs(Map<String, String> relations, String thisName, Map<String, Object> macros,
        Map<String, Object> vars, Map<String, String> envVars) {
    public UnitTestInputs {
        relations = Collections.unmodifiableMap(new HashMap<>(relations));
        macros = Collections.unmodifiableMap(new LinkedHashMap<>(macros));
        vars = Collections.unmodifiableMap(new LinkedHashMap<>(vars));
        envVars = Collections.unmodifiableMap(new LinkedHashMap<>(envVars));
    }
}
