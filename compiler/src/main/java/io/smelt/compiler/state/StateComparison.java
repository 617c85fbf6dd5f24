package io.smelt.compiler.state;

import com.fasterxml.jackson.databind.JsonNode;
import io.smelt.adapter.ConstraintSupport;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.state.ModifiedReason.Kind;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import static java.util.Objects.requireNonNull;

/**
 * This project compared with a previous run's manifest, node by node, as dbt's {@code state:} method
 * compares (its {@code same_*} checks), except where dbt is known to select too much: code is compared
 * without whitespace and comments, configs and relations as the files write them
 * ({@code unrendered_config}), and a changed var or macro marks only the nodes that read or call it.
 */
public final class StateComparison {
    /** The values {@code state:} takes, as dbt lists them, and Smelt's {@code modified.vars}. */
    public static final List<String> VALUES = List.of("new", "old", "modified", "unmodified", "modified.body",
            "modified.configs", "modified.persisted_descriptions", "modified.relation", "modified.macros",
            "modified.contract", "modified.vars");
    /** Config keys dbt leaves out of the config comparison: the relation and tags are compared elsewhere or not at all. */
    private static final Set<String> NOT_CONFIGS = Set.of("alias", "schema", "database", "tags", "group");
    /** The only configs dbt compares for data tests. */
    private static final Set<String> TEST_CONFIGS = Set.of("severity", "where", "limit", "fail_calc", "warn_if", "error_if",
            "store_failures", "store_failures_as");

    private final StateManifest current;
    private final StateSidecar currentVars;
    private final StateManifest previous;
    private final StateSidecar previousVars;
    private final Set<String> projectPackages;
    private final Map<String, List<ModifiedReason>> reasons = new ConcurrentHashMap<>();
    private final Map<String, Boolean> changedMacros = new ConcurrentHashMap<>();
    private java.util.function.Function<String, String> currentSql = id -> null;
    private Function<String, ConstraintSupport> constraintSupport = type -> ConstraintSupport.ENFORCED;

    /**
     * @param previousVars the previous run's smelt_state.json, or null (dbt writes none: vars are then not compared,
     *     and neither are the macros of packages outside the project, which are dbt's own there)
     * @param projectPackages the root project and its installed packages, whose macros are always compared
     */
    public StateComparison(StateManifest current, StateSidecar currentVars, StateManifest previous, StateSidecar previousVars,
            Set<String> projectPackages) {
        this.current = requireNonNull(current, "current is null");
        this.currentVars = requireNonNull(currentVars, "currentVars is null");
        this.previous = requireNonNull(previous, "previous is null");
        this.previousVars = previousVars;
        this.projectPackages = Set.copyOf(projectPackages);
    }

    /**
     * How to fingerprint a model's SQL now ({@code io.smelt.compiler.analysis.SqlFingerprint}): asked only
     * for a model whose code changed while the previous run recorded a fingerprint of it, so that a change
     * of layout alone (keyword case, line breaks, {@code AS}, parentheses) does not modify it.
     */
    public StateComparison withSqlFingerprints(java.util.function.Function<String, String> fingerprint) {
        this.currentSql = requireNonNull(fingerprint, "fingerprint is null");
        return this;
    }

    /** What the engine does with each constraint type, for {@link #breakingContractChanges}; by default all are enforced. */
    public StateComparison withConstraintSupport(Function<String, ConstraintSupport> support) {
        this.constraintSupport = requireNonNull(support, "support is null");
        return this;
    }

    /** dbt's breaking changes of a model's enforced contract against the previous run; empty when there are none. */
    public List<String> breakingContractChanges(String uniqueId) {
        JsonNode now = current.node(uniqueId);
        JsonNode before = previous.node(uniqueId);
        if (now == null || before == null || !now.path("resource_type").asText().equals("model")) {
            return List.of();
        }
        return ContractBreakingChanges.of(now, before, constraintSupport);
    }

    /** Whether the node is what {@code state:<value>} selects. */
    public boolean matches(String value, String uniqueId) {
        if (!VALUES.contains(value)) {
            throw new SmeltException(ErrorKind.SELECTOR, null, "state:" + value + " is not a state selector",
                    "use one of state:" + String.join(", state:", VALUES));
        }
        boolean known = previous.node(uniqueId) != null;
        List<ModifiedReason> why = reasons(uniqueId);
        return switch (value) {
            case "new" -> !known;
            case "old" -> known;
            case "modified" -> !why.isEmpty();
            case "unmodified" -> known && why.isEmpty();
            // as dbt: a sub-selector selects new nodes too, except .macros, which looks only at macros
            case "modified.macros" -> why.stream().anyMatch(r -> r.kind() == Kind.MACROS);
            default -> {
                String kind = value.substring("modified.".length());
                yield why.stream().anyMatch(r -> r.kind() == Kind.NEW || r.kind().selectorName().equals(kind));
            }
        };
    }

    private boolean sameSql(String uniqueId) {
        String before = previousVars == null ? null : previousVars.sql().get(uniqueId);
        return before != null && before.equals(currentSql.apply(uniqueId));
    }

    /** Why the node counts as modified; empty when it does not. */
    public List<ModifiedReason> reasons(String uniqueId) {
        return reasons.computeIfAbsent(uniqueId, this::compare);
    }

    private List<ModifiedReason> compare(String uniqueId) {
        JsonNode now = current.node(uniqueId);
        JsonNode before = previous.node(uniqueId);
        List<ModifiedReason> why = new ArrayList<>();
        if (now == null) {
            return why;
        }
        if (before == null) {
            why.add(new ModifiedReason(Kind.NEW, "new: the comparison manifest has no " + uniqueId));
            return why;
        }
        String type = now.path("resource_type").asText();
        NodeChecks.body(type, now, before, why);
        if (why.stream().anyMatch(r -> r.kind() == Kind.BODY) && sameSql(uniqueId)) {
            why.removeIf(r -> r.kind() == Kind.BODY);
        }
        if (!type.equals("source")) {
            // a source's configs are its freshness and the like, compared below; Smelt does not record them unrendered
            configs(type, now, before, why);
            relation(now, before, why);
            NodeChecks.persistedDescriptions(now, before, why);
            NodeChecks.contract(type, now, before, why);
        } else {
            NodeChecks.source(now, before, why);
        }
        if (!JsonValues.same(now.path("fqn"), before.path("fqn"))) {
            why.add(new ModifiedReason(Kind.OTHER, "fqn " + JsonValues.show(before.path("fqn")) + " -> " + JsonValues.show(now.path("fqn"))));
        }
        macros(now, why);
        vars(uniqueId, now, why);
        return List.copyOf(why);
    }

    private void configs(String type, JsonNode now, JsonNode before, List<ModifiedReason> why) {
        JsonNode mine = now.path("unrendered_config");
        JsonNode theirs = before.path("unrendered_config");
        Set<String> keys = new TreeSet<>();
        mine.fieldNames().forEachRemaining(keys::add);
        theirs.fieldNames().forEachRemaining(keys::add);
        boolean test = type.equals("test");
        for (String key : keys) {
            boolean compared = test ? TEST_CONFIGS.contains(key) : !NOT_CONFIGS.contains(key);
            if (compared && !JsonValues.same(mine.get(key), theirs.get(key))) {
                why.add(new ModifiedReason(Kind.CONFIGS, "config " + key + ": " + JsonValues.show(theirs.get(key)) + " -> "
                        + JsonValues.show(mine.get(key))));
            }
        }
    }

    /** dbt's same_database_representation: the database, schema and alias configs as written, not as rendered. */
    private static void relation(JsonNode now, JsonNode before, List<ModifiedReason> why) {
        for (String key : List.of("database", "schema", "alias")) {
            JsonNode mine = now.path("unrendered_config").get(key);
            JsonNode theirs = before.path("unrendered_config").get(key);
            if (!JsonValues.same(mine, theirs)) {
                why.add(new ModifiedReason(Kind.RELATION, "config " + key + ": " + JsonValues.show(theirs) + " -> " + JsonValues.show(mine)));
            }
        }
    }

    /** A changed macro the node calls, directly or through other macros; each macro's answer is kept. */
    private void macros(JsonNode now, List<ModifiedReason> why) {
        Set<String> seen = new HashSet<>();
        List<String> path = new ArrayList<>();
        String changed = changedCallee(now, seen, path);
        if (changed != null) {
            why.add(new ModifiedReason(Kind.MACROS, changed + " changed"
                    + (path.size() > 1 ? " (called through " + String.join(" -> ", path.subList(0, path.size() - 1)) + ")" : "")));
        }
    }

    private String changedCallee(JsonNode caller, Set<String> seen, List<String> path) {
        for (Iterator<JsonNode> it = caller.path("depends_on").path("macros").elements(); it.hasNext(); ) {
            String id = it.next().asText();
            if (!seen.add(id)) {
                continue;
            }
            path.add(id);
            if (macroChanged(id)) {
                return id;
            }
            JsonNode macro = current.macros().get(id);
            if (macro != null) {
                String deeper = changedCallee(macro, seen, path);
                if (deeper != null) {
                    return deeper;
                }
            }
            path.remove(path.size() - 1);
        }
        return null;
    }

    private boolean macroChanged(String id) {
        return changedMacros.computeIfAbsent(id, key -> {
            JsonNode now = current.macros().get(key);
            if (now == null) {
                return false;
            }
            String pkg = now.path("package_name").asText();
            if (previousVars == null && !projectPackages.contains(pkg)) {
                // a dbt-written manifest holds dbt's own implementation of the built-in macros
                return false;
            }
            JsonNode before = previous.macros().get(key);
            return before == null || !CodeText.normalize(now.path("macro_sql").asText())
                    .equals(CodeText.normalize(before.path("macro_sql").asText()));
        });
    }

    private void vars(String uniqueId, JsonNode now, List<ModifiedReason> why) {
        if (previousVars == null) {
            return;
        }
        String pkg = now.path("package_name").asText();
        for (String name : currentVars.nodeVars().getOrDefault(uniqueId, List.of())) {
            JsonNode mine = currentVars.var(pkg, name);
            JsonNode theirs = previousVars.var(pkg, name);
            if (currentVars.hasVar(pkg, name) != previousVars.hasVar(pkg, name) || !JsonValues.same(mine, theirs)) {
                why.add(new ModifiedReason(Kind.VARS, "var " + name + ": " + JsonValues.show(theirs) + " -> " + JsonValues.show(mine)));
            }
        }
    }
}
