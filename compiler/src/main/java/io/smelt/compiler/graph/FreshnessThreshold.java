package io.smelt.compiler.graph;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source's {@code freshness:}, as dbt's {@code FreshnessThreshold}: how old its newest row may be
 * before {@code source freshness} warns or errors, and the filter of the rows it looks at. A
 * {@code warn_after} or {@code error_after} not written is {@link After#UNSET}; one written as null is
 * null, which a merge keeps (it clears the less specific level's), as dbt's {@code Optional[Time]}.
 *
 * @param filter a SQL condition on the source's rows, or null
 */
public record FreshnessThreshold(After warnAfter, After errorAfter, String filter) {
    /** A threshold written with nothing in it: neither warns nor errors, and is replaced by any other. */
    public static final FreshnessThreshold EMPTY = new FreshnessThreshold(After.UNSET, After.UNSET, null);
    public static final List<String> KEYS = List.of("warn_after", "error_after", "filter");
    public static final List<String> PERIODS = List.of("minute", "hour", "day");

    /** What a source's age says. */
    public enum Status { PASS, WARN, ERROR }

    /**
     * {@code warn_after} or {@code error_after}.
     *
     * @param count the number of periods, or null
     * @param period {@code minute}, {@code hour} or {@code day}, or null
     */
    public record After(Long count, String period) {
        public static final After UNSET = new After(null, null);

        public boolean isSet() {
            return count != null && period != null;
        }

        /** Whether a source this many seconds old is older than this; never, when unset. */
        static boolean exceeded(After after, double ageSeconds) {
            if (after == null || !after.isSet()) {
                return false;
            }
            Duration limit = switch (after.period) {
                case "minute" -> Duration.ofMinutes(after.count);
                case "hour" -> Duration.ofHours(after.count);
                default -> Duration.ofDays(after.count);
            };
            return ageSeconds > limit.getSeconds();
        }

        static Map<String, Object> toMap(After after) {
            if (after == null) {
                return null;
            }
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("count", after.count);
            map.put("period", after.period);
            return map;
        }
    }

    /** True when it warns or errors at some age: dbt checks only sources whose threshold is. */
    public boolean isSet() {
        return isSet(warnAfter) || isSet(errorAfter);
    }

    public Status status(double ageSeconds) {
        if (After.exceeded(errorAfter, ageSeconds)) {
            return Status.ERROR;
        }
        return After.exceeded(warnAfter, ageSeconds) ? Status.WARN : Status.PASS;
    }

    /** As a config value and as manifest.json and sources.json write it. */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("warn_after", After.toMap(warnAfter));
        map.put("error_after", After.toMap(errorAfter));
        map.put("filter", filter);
        return map;
    }

    /**
     * Reads a {@code freshness:} value: a mapping of {@code warn_after}, {@code error_after} and
     * {@code filter}; null for null.
     *
     * @throws IllegalArgumentException naming the first thing that is not as dbt expects it
     */
    public static FreshnessThreshold of(Object value) {
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> map)) {
            throw new IllegalArgumentException("freshness must be a mapping of warn_after, error_after and filter, found '" + value + "'");
        }
        for (Object key : map.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw new IllegalArgumentException("freshness has no '" + key + "'; its keys are " + String.join(", ", KEYS));
            }
        }
        Object filter = map.get("filter");
        return new FreshnessThreshold(after(map, "warn_after"), after(map, "error_after"), filter == null ? null : filter.toString());
    }

    private static After after(Map<?, ?> map, String key) {
        if (!map.containsKey(key)) {
            return After.UNSET;
        }
        Object value = map.get(key);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map<?, ?> time)) {
            throw new IllegalArgumentException(key + " must be a mapping such as {count: 12, period: hour}, found '" + value + "'");
        }
        for (Object name : time.keySet()) {
            if (!List.of("count", "period").contains(String.valueOf(name))) {
                throw new IllegalArgumentException(key + " has no '" + name + "'; write count and period");
            }
        }
        return new After(count(key, time.get("count")), period(key, time.get("period")));
    }

    /** A count: a whole number, also as text once a template rendered it. */
    public static Long count(String key, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            return ((Number) value).longValue();
        }
        if (value instanceof String text && text.strip().matches("-?\\d+")) {
            return Long.parseLong(text.strip());
        }
        throw new IllegalArgumentException(key + ".count must be a whole number, found '" + value + "'");
    }

    public static String period(String key, Object value) {
        if (value == null) {
            return null;
        }
        if (!PERIODS.contains(value.toString())) {
            throw new IllegalArgumentException(key + ".period must be one of " + String.join(", ", PERIODS) + ", found '" + value + "'");
        }
        return value.toString();
    }

    /**
     * dbt's {@code merge_source_freshness}: the thresholds from the least to the most specific (the
     * source's {@code freshness:}, its {@code config.freshness}, the table's, the table's
     * {@code config.freshness}), each {@link #EMPTY} when not written and null when written as null.
     * A later one replaces what it sets, key by key and inside {@code warn_after}/{@code error_after};
     * a null switches freshness off until a later one sets a threshold. Null when off, {@link #EMPTY}
     * when nothing was written.
     */
    public static FreshnessThreshold merge(List<FreshnessThreshold> levels) {
        List<FreshnessThreshold> thresholds = new ArrayList<>(levels);
        if (thresholds.isEmpty()) {
            return EMPTY;
        }
        FreshnessThreshold merged = thresholds.get(0);
        for (FreshnessThreshold update : thresholds.subList(1, thresholds.size())) {
            if (merged != null && update != null) {
                merged = new FreshnessThreshold(mergeAfter(merged.warnAfter, update.warnAfter),
                        mergeAfter(merged.errorAfter, update.errorAfter), update.filter != null ? update.filter : merged.filter);
            }
            else if (merged == null && update != null && update.isSet()) {
                merged = update;
            }
            else {
                merged = null;
            }
        }
        return merged;
    }

    /** dbt's {@code merge_freshness_time_thresholds}: a null update clears, an unset one keeps the base. */
    private static After mergeAfter(After base, After update) {
        if (update == null) {
            return null;
        }
        return isSet(update) ? update : base;
    }

    private static boolean isSet(After after) {
        return after != null && after.isSet();
    }
}
