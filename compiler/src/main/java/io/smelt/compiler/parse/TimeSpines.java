package io.smelt.compiler.parse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A model's {@code time_spine:} as dbt's {@code TimeSpine} holds it: {@code standard_granularity_column}
 * and {@code custom_granularities} (each a name and a {@code column_name}, none when not given).
 */
final class TimeSpines {
    private TimeSpines() {
    }

    /** {@code time_spine} for a node's extra fields, or nothing when the entry has none. */
    static Map<String, Object> of(Map<String, Object> properties) {
        if (!(properties.get("time_spine") instanceof Map<?, ?> written)) {
            return Map.of();
        }
        Map<String, Object> spine = new LinkedHashMap<>();
        Object column = written.get("standard_granularity_column");
        spine.put("standard_granularity_column", column == null ? null : column.toString());
        List<Object> custom = new ArrayList<>();
        if (written.get("custom_granularities") instanceof List<?> list) {
            for (Object item : list) {
                if (item instanceof Map<?, ?> granularity) {
                    Map<String, Object> entry = new LinkedHashMap<>();
                    entry.put("name", granularity.get("name") == null ? null : granularity.get("name").toString());
                    Object columnName = granularity.get("column_name");
                    entry.put("column_name", columnName == null ? null : columnName.toString());
                    custom.add(entry);
                }
            }
        }
        spine.put("custom_granularities", custom);
        Map<String, Object> extra = new LinkedHashMap<>();
        extra.put("time_spine", spine);
        return extra;
    }
}
