package io.smelt.compiler.parse;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.FreshnessThreshold;
import io.smelt.compiler.project.SourceProperties;
import io.smelt.compiler.project.SourceTableProperties;

import java.util.Arrays;
import java.util.Map;

/**
 * A source table's {@code freshness}, {@code loaded_at_field} and {@code loaded_at_query} configs from
 * what its source and it write, as dbt's {@code SourcePatcher} computes them.
 */
final class SourceFreshnessConfig {
    private SourceFreshnessConfig() {
    }

    /**
     * Sets the three keys in the table's config (the source's {@code config:} overlaid with the table's).
     * A freshness set anywhere is merged level by level; one switched off with {@code freshness: null}
     * is null, which also overrides a {@code +freshness} of dbt_project.yml; when none was written the
     * key is left out, so dbt_project.yml's applies.
     */
    static void apply(Map<String, Object> config, SourceProperties source, SourceTableProperties table) {
        FreshnessThreshold freshness = FreshnessThreshold.merge(Arrays.asList(source.freshness(), inConfig(source.config(), source),
                table.freshness(), inConfig(table.config(), source)));
        if (freshness == null) {
            config.put("freshness", null);
        }
        else if (freshness.isSet()) {
            config.put("freshness", freshness.toMap());
        }
        else {
            config.remove("freshness");
        }
        String tableField = first(table.loadedAtField(), table.config().get("loaded_at_field"));
        String tableQuery = first(table.loadedAtQuery(), table.config().get("loaded_at_query"));
        String field = tableField != null ? tableField : first(source.loadedAtField(), source.config().get("loaded_at_field"));
        // a table's own loaded_at_field replaces its source's loaded_at_query
        String query = tableQuery != null ? tableQuery
                : tableField != null ? null : first(source.loadedAtQuery(), source.config().get("loaded_at_query"));
        put(config, "loaded_at_field", field);
        put(config, "loaded_at_query", query);
    }

    private static FreshnessThreshold inConfig(Map<String, Object> config, SourceProperties source) {
        if (!config.containsKey("freshness")) {
            return FreshnessThreshold.EMPTY;
        }
        try {
            return FreshnessThreshold.of(config.get("freshness"));
        }
        catch (IllegalArgumentException e) {
            throw new SmeltException(ErrorKind.YAML, source.at(), e.getMessage() + " (source '" + source.name() + "')", null);
        }
    }

    private static String first(String written, Object inConfig) {
        return written != null ? written : inConfig == null ? null : inConfig.toString();
    }

    private static void put(Map<String, Object> config, String key, String value) {
        if (value == null) {
            config.remove(key);
        }
        else {
            config.put(key, value);
        }
    }
}
