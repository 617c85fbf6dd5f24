package io.smelt.compiler.materialize;

import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeConfig;
import io.smelt.compiler.graph.ResourceType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A snapshot's config, checked. A run checks every selected snapshot before it starts, so a bad
 * config stops the run (exit code 2) before any table is touched.
 *
 * @param strategy {@code timestamp} or {@code check}
 * @param uniqueKey the key columns (or expressions), at least one
 * @param updatedAt the column that says when a row changed; required by {@code timestamp}, optional for {@code check}
 * @param checkCols the columns {@code check} compares, or null for all of them
 * @param hardDeletes {@code ignore}, {@code invalidate} or {@code new_record}
 * @param validToCurrent the expression current rows hold in dbt_valid_to, or null for null
 * @param columns the meta columns' names (dbt_valid_from, dbt_valid_to, dbt_scd_id, dbt_updated_at,
 *     dbt_is_deleted), as {@code snapshot_meta_column_names} renames them
 */
public record SnapshotConfig(String strategy, List<String> uniqueKey, String updatedAt, List<String> checkCols, String hardDeletes,
        String validToCurrent, Map<String, String> columns) {
    static final List<String> STRATEGIES = List.of("timestamp", "check");
    static final List<String> HARD_DELETES = List.of("ignore", "invalidate", "new_record");
    static final List<String> META_COLUMNS = List.of("dbt_valid_from", "dbt_valid_to", "dbt_scd_id", "dbt_updated_at",
            "dbt_is_deleted");

    /** The snapshot's config; throws a project error naming its file when it cannot run. */
    static SnapshotConfig of(Node node) {
        List<Diagnostic> problems = new ArrayList<>();
        SnapshotConfig config = check(node, problems);
        if (!problems.isEmpty()) {
            throw new SmeltException(problems);
        }
        return config;
    }

    /** Checks every snapshot of a run at once, reporting all problems together. */
    public static void checkAll(List<Node> nodes) {
        List<Diagnostic> problems = new ArrayList<>();
        for (Node node : nodes) {
            if (node.resourceType() == ResourceType.SNAPSHOT) {
                check(node, problems);
            }
        }
        if (!problems.isEmpty()) {
            throw new SmeltException(problems);
        }
    }

    /** The config as the snapshot macros take it. */
    Map<String, Object> asMacroArgument() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("strategy", strategy);
        map.put("unique_key", new ArrayList<>(uniqueKey));
        map.put("updated_at", updatedAt);
        map.put("check_cols", checkCols == null ? null : new ArrayList<>(checkCols));
        map.put("hard_deletes", hardDeletes);
        map.put("dbt_valid_to_current", validToCurrent);
        map.put("columns", new LinkedHashMap<>(columns));
        return map;
    }

    private static SnapshotConfig check(Node node, List<Diagnostic> problems) {
        NodeConfig config = node.config();
        String name = "snapshot '" + node.name() + "'";
        String strategy = config.string("strategy", null);
        if (strategy == null) {
            problems.add(problem(node, name + " has no strategy",
                    "set strategy: timestamp (with updated_at) or strategy: check (with check_cols) in its config"));
        }
        else if (!STRATEGIES.contains(strategy.toLowerCase(Locale.ROOT))) {
            problems.add(problem(node, name + ": strategy '" + strategy + "' is not one of " + STRATEGIES,
                    "timestamp compares updated_at; check compares check_cols"));
        }
        strategy = strategy == null ? null : strategy.toLowerCase(Locale.ROOT);
        List<String> uniqueKey = strings(config.get("unique_key"));
        if (uniqueKey.isEmpty()) {
            problems.add(problem(node, name + " has no unique_key",
                    "set unique_key to the column (or list of columns) that identifies a row of the source"));
        }
        String updatedAt = config.string("updated_at", null);
        if ("timestamp".equals(strategy) && (updatedAt == null || updatedAt.isBlank())) {
            problems.add(problem(node, name + ": strategy 'timestamp' needs updated_at",
                    "set updated_at to the column that says when a source row last changed"));
        }
        List<String> checkCols = null;
        Object rawCheck = config.get("check_cols");
        if ("check".equals(strategy)) {
            if (rawCheck == null) {
                problems.add(problem(node, name + ": strategy 'check' needs check_cols",
                        "set check_cols to a list of columns, or to 'all'"));
            }
            else if (!(rawCheck instanceof String s && s.strip().equalsIgnoreCase("all"))) {
                checkCols = strings(rawCheck);
                if (checkCols.isEmpty()) {
                    problems.add(problem(node, name + ": check_cols must be 'all' or a list of columns, found '" + rawCheck + "'",
                            "check_cols: ['status', 'amount'] or check_cols: all"));
                }
            }
        }
        String hardDeletes = config.string("hard_deletes", null);
        if (hardDeletes == null) {
            hardDeletes = config.bool("invalidate_hard_deletes", false) ? "invalidate" : "ignore";
        }
        else if (!HARD_DELETES.contains(hardDeletes.toLowerCase(Locale.ROOT))) {
            problems.add(problem(node, name + ": hard_deletes '" + hardDeletes + "' is not one of " + HARD_DELETES,
                    "ignore keeps rows that left the source current; invalidate closes them; new_record also adds a row "
                            + "with dbt_is_deleted = 'True'"));
        }
        hardDeletes = hardDeletes.toLowerCase(Locale.ROOT);
        Map<String, String> columns = new LinkedHashMap<>();
        META_COLUMNS.forEach(c -> columns.put(c, c));
        if (config.get("snapshot_meta_column_names") instanceof Map<?, ?> renamed) {
            renamed.forEach((key, value) -> {
                String meta = String.valueOf(key);
                if (!META_COLUMNS.contains(meta)) {
                    problems.add(problem(node, name + ": snapshot_meta_column_names has '" + meta + "', which is not one of "
                            + META_COLUMNS, "rename only dbt's snapshot columns"));
                }
                else if (value != null) {
                    columns.put(meta, String.valueOf(value));
                }
            });
        }
        else if (config.get("snapshot_meta_column_names") != null) {
            problems.add(problem(node, name + ": snapshot_meta_column_names must be a mapping",
                    "snapshot_meta_column_names: {dbt_valid_from: valid_from, dbt_valid_to: valid_to}"));
        }
        String validToCurrent = config.string("dbt_valid_to_current", null);
        return new SnapshotConfig(strategy, uniqueKey, updatedAt, checkCols, hardDeletes,
                validToCurrent == null || validToCurrent.isBlank() ? null : validToCurrent, columns);
    }

    private static Diagnostic problem(Node node, String message, String hint) {
        return new Diagnostic(ErrorKind.PROJECT, node.definedAt(), message, hint);
    }

    private static List<String> strings(Object value) {
        List<String> out = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object item : list) {
                if (item != null && !String.valueOf(item).isBlank()) {
                    out.add(String.valueOf(item).strip());
                }
            }
        }
        else if (value != null && !String.valueOf(value).isBlank()) {
            out.add(String.valueOf(value).strip());
        }
        return out;
    }
}
