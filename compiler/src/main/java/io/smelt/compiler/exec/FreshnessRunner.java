package io.smelt.compiler.exec;

import io.smelt.adapter.EngineException;
import io.smelt.adapter.QueryResult;
import io.smelt.compiler.context.DbtContext;
import io.smelt.compiler.context.RelationObject;
import io.smelt.compiler.context.ResultTable;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.FreshnessThreshold;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.load.LoadedProject;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.SourceFreshness;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures one source's freshness, as dbt's {@code FreshnessRunner}: the {@code collect_freshness}
 * macro (or {@code collect_freshness_custom_sql} for a {@code loaded_at_query}) selects the newest
 * load time and the engine's current timestamp; a value without a time zone is taken as UTC, one
 * with a zone is converted to UTC, as dbt-adapters' {@code _utc} does.
 */
final class FreshnessRunner implements ResourceRunner {
    // dbt's "infinitely long ago" for a source without rows
    static final Instant NO_ROWS = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();

    private final RunnerContext context;
    private final Map<String, SourceFreshness> measured = new ConcurrentHashMap<>();

    FreshnessRunner(RunnerContext context) {
        this.context = context;
    }

    /** What was measured so far, by unique id. */
    Map<String, SourceFreshness> measured() {
        return Map.copyOf(measured);
    }

    /** The source's threshold; a wrong one (from dbt_project.yml's {@code +freshness}) is a project error. */
    static FreshnessThreshold threshold(Node node) {
        try {
            FreshnessThreshold threshold = FreshnessThreshold.of(node.config().get("freshness"));
            return threshold == null ? FreshnessThreshold.EMPTY : threshold;
        }
        catch (IllegalArgumentException e) {
            throw new SmeltException(ErrorKind.PROJECT, node.definedAt(), "source '" + node.sourceName() + "." + node.name()
                    + "': " + e.getMessage(), "check the +freshness of the sources in dbt_project.yml");
        }
    }

    /**
     * An error of the check itself carries an error kind, which tells it apart from a stale source
     * (status error, no kind): an engine's message is a runtime error, exit 1.
     */
    @Override
    public NodeResult run(NodeRun run) {
        try {
            return measure(run);
        }
        catch (SmeltException | EngineException e) {
            throw e;
        }
        catch (RuntimeException e) {
            throw new SmeltException(ErrorKind.ENGINE, run.node().definedAt(), "freshness of source '" + describe(run.node())
                    + "' failed: " + e.getMessage(), null, e);
        }
    }

    private NodeResult measure(NodeRun run) {
        LoadedProject project = context.project();
        Node node = run.node();
        FreshnessThreshold threshold = threshold(node);
        context.compiledCode().ranOn(node);
        Map<String, Object> globals = DbtContext.forExecution(project, node, run.scope()).globals(Map.of());
        RelationObject relation = new RelationObject(project.relationOf(node), project.adapter());
        String field = string(node.config().get("loaded_at_field"));
        String query = string(node.config().get("loaded_at_query"));
        Object loaded;
        if (query != null) {
            String sql = project.engine().renderString(node.packageName(), query, globals);
            loaded = project.engine().callMacro(project.rootPackage(), "collect_freshness_custom_sql", List.of(relation, sql),
                    Map.of(), globals);
        }
        else if (field != null) {
            loaded = project.engine().callMacro(project.rootPackage(), "collect_freshness",
                    Arrays.asList(relation, field, threshold.filter()), Map.of(), globals);
        }
        else {
            throw new SmeltException(ErrorKind.PROJECT, node.definedAt(), "source '" + describe(node)
                    + "' has a freshness threshold but no loaded_at_field", "add loaded_at_field: <the column holding each row's load time> "
                    + "(or loaded_at_query); Smelt does not read load times from the engine's metadata");
        }
        QueryResult result = table(node, loaded);
        Instant maxLoadedAt = result.rows().get(0).get(0) == null ? NO_ROWS
                : utc(node, field != null ? field : "loaded_at_query", result.rows().get(0).get(0));
        Instant snapshottedAt = utc(node, "snapshotted_at", result.rows().get(0).get(1));
        SourceFreshness freshness = new SourceFreshness(maxLoadedAt, snapshottedAt, threshold);
        NodeStatus status = switch (threshold.status(freshness.ageSeconds())) {
            case PASS -> NodeStatus.PASS;
            case WARN -> NodeStatus.WARN;
            case ERROR -> NodeStatus.ERROR;
        };
        measured.put(node.uniqueId(), freshness);
        Map<String, Object> response = loaded instanceof Map<?, ?> map && map.get("response") instanceof Map<?, ?> r
                ? NodeResults.response(String.valueOf(r.get("_message")), -1) : Map.of();
        return context.results().finished(run, status, message(node, freshness, status), 0, null, response);
    }

    private static QueryResult table(Node node, Object loaded) {
        Object table = loaded instanceof Map<?, ?> map ? map.get("table") : loaded;
        if (!(table instanceof ResultTable resultTable)) {
            throw new SmeltException(ErrorKind.PROJECT, node.definedAt(), "collect_freshness returned no result for source '"
                    + describe(node) + "'", "an override of collect_freshness must return load_result(...) of its statement");
        }
        QueryResult result = resultTable.result();
        if (result.rows().size() != 1 || result.columns().size() != 2) {
            throw new SmeltException(ErrorKind.ENGINE, node.definedAt(), "the freshness query of source '" + describe(node)
                    + "' returned " + result.rows().size() + " rows of " + result.columns().size()
                    + " columns, not one row of max_loaded_at and snapshotted_at", null);
        }
        return result;
    }

    /** A timestamp in UTC: one without a zone is taken as UTC already. */
    static Instant utc(Node node, String what, Object value) {
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof ZonedDateTime zoned) {
            return zoned.toInstant();
        }
        if (value instanceof LocalDateTime local) {
            return local.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        String found = value == null ? "null" : "'" + value + "' (" + value.getClass().getSimpleName() + ")";
        throw new SmeltException(ErrorKind.ENGINE, node.definedAt(), "the freshness query of source '" + describe(node) + "' gave "
                + what + " = " + found + ", not a timestamp", what.equals("snapshotted_at") ? null
                : "loaded_at_field must be a timestamp; cast it, for example loaded_at_field: \"cast(" + what + " as timestamp)\"");
    }

    private static String message(Node node, SourceFreshness freshness, NodeStatus status) {
        String age = freshness.maxLoadedAt().equals(NO_ROWS) ? "has no rows"
                : "was last loaded " + ago(freshness.ageSeconds()) + ", at " + freshness.maxLoadedAt();
        String limit = status == NodeStatus.ERROR ? " (error_after: " + after(freshness.criteria().errorAfter()) + ")"
                : status == NodeStatus.WARN ? " (warn_after: " + after(freshness.criteria().warnAfter()) + ")" : "";
        return "source " + describe(node) + " " + age + limit;
    }

    private static String ago(double seconds) {
        if (seconds < 3600) {
            return Math.round(seconds / 60) + " minutes ago";
        }
        return seconds < 2 * 86400 ? String.format(java.util.Locale.ROOT, "%.1f hours ago", seconds / 3600)
                : String.format(java.util.Locale.ROOT, "%.1f days ago", seconds / 86400);
    }

    private static String after(FreshnessThreshold.After after) {
        return after.count() + " " + after.period() + (after.count() == 1 ? "" : "s");
    }

    private static String describe(Node node) {
        return node.sourceName() + "." + node.name();
    }

    private static String string(Object value) {
        return value == null || value.toString().isBlank() ? null : value.toString();
    }
}
