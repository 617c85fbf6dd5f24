package io.smelt.compiler.project;

import io.smelt.compiler.graph.FreshnessThreshold;
import org.yaml.snakeyaml.nodes.Node;

import java.util.Map;
import java.util.Set;

/**
 * Reads a source's or table's {@code freshness:} (top level or under {@code config:}), checking each
 * value where it is written, so a wrong period or count is an error at its line.
 */
final class FreshnessYaml {
    private static final String HINT = "write freshness: {warn_after: {count: 12, period: hour}, error_after: {count: 1, period: day}}";

    private FreshnessYaml() {
    }

    /** {@link FreshnessThreshold#EMPTY} when the entry is absent, null when written as null. */
    static FreshnessThreshold read(YamlReader yaml, YamlReader.Entry entry, String owner) {
        if (entry == null) {
            return FreshnessThreshold.EMPTY;
        }
        Node node = entry.value();
        if (YamlReader.isNull(node)) {
            return null;
        }
        String what = "freshness of " + owner;
        Map<String, YamlReader.Entry> fields = yaml.mapping(node, what);
        FreshnessThreshold.After warnAfter = FreshnessThreshold.After.UNSET;
        FreshnessThreshold.After errorAfter = FreshnessThreshold.After.UNSET;
        String filter = null;
        for (YamlReader.Entry field : fields.values()) {
            switch (field.key()) {
                case "warn_after" -> warnAfter = after(yaml, field, what);
                case "error_after" -> errorAfter = after(yaml, field, what);
                case "filter" -> filter = yaml.text(field.value(), "filter of " + what);
                default -> throw yaml.error(field.keyNode(), what + " has no '" + field.key() + "'; its keys are "
                        + String.join(", ", FreshnessThreshold.KEYS), HINT);
            }
        }
        return new FreshnessThreshold(warnAfter, errorAfter, filter);
    }

    private static FreshnessThreshold.After after(YamlReader yaml, YamlReader.Entry entry, String owner) {
        if (YamlReader.isNull(entry.value())) {
            return null;
        }
        String what = entry.key() + " of " + owner;
        Long count = null;
        String period = null;
        for (YamlReader.Entry field : yaml.mapping(entry.value(), what).values()) {
            Object value = yaml.value(field.value(), Set.of(), true);
            try {
                switch (field.key()) {
                    case "count" -> count = FreshnessThreshold.count(entry.key(), value);
                    case "period" -> period = FreshnessThreshold.period(entry.key(), value);
                    default -> throw new IllegalArgumentException(what + " has no '" + field.key() + "'; write count and period");
                }
            }
            catch (IllegalArgumentException e) {
                throw yaml.error(field.value(), e.getMessage() + " (" + owner + ")", HINT);
            }
        }
        return new FreshnessThreshold.After(count, period);
    }

    /** The {@code freshness} a {@code config:} mapping holds: as {@link #read}, from the config node. */
    static FreshnessThreshold inConfig(YamlReader yaml, YamlReader.Entry config, String owner) {
        if (config == null || YamlReader.isNull(config.value())) {
            return FreshnessThreshold.EMPTY;
        }
        return read(yaml, yaml.mapping(config.value(), "config of " + owner).get("freshness"), "config of " + owner);
    }
}
