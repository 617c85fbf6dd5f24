package io.smelt.compiler.materialize;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Hook config values as dbt accepts them: a string, a list of strings, or {@code {sql: ...}} entries. */
public final class Hooks {
    private Hooks() {
    }

    static List<String> of(Object value) {
        List<String> hooks = new ArrayList<>();
        if (value == null) {
            return hooks;
        }
        if (value instanceof List<?> list) {
            for (Object item : list) {
                hooks.addAll(of(item));
            }
        }
        else if (value instanceof Map<?, ?> map) {
            Object sql = map.get("sql");
            if (sql != null) {
                hooks.add(sql.toString());
            }
        }
        else if (!value.toString().isBlank()) {
            hooks.add(value.toString());
        }
        return hooks;
    }
}
