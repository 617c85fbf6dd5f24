package io.smelt.cli.output;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;

import java.util.Locale;

/** The events dbt logs for a node's result and at the end of a run, each in its dbt shape. */
final class NodeResultEvents {
    private NodeResultEvents() {
    }

    /** dbt's line for one finished node: {@code LogModelResult}, {@code LogTestResult}, {@code SkippingDetails}, ... */
    static void resultLine(JsonReporter reporter, NodeResult result, Command command, ObjectNode nodeInfo) {
        Node node = result.node();
        NodeStatus status = result.status();
        String msg = node.resourceType() == io.smelt.compiler.graph.ResourceType.OPERATION
                ? new NodeLine(result.index(), result.total(), status == NodeStatus.SUCCESS ? "OK hook:" : "ERROR hook:",
                        Tone.PLAIN, reporter.hookStatement(node, result.index()), status == NodeStatus.SUCCESS ? "OK" : "ERROR",
                        result.elapsed()).plain()
                : NodeLine.finished(result, command).plain();
        float seconds = NodeEvents.seconds(result);
        ObjectNode data = reporter.data();
        if (status == NodeStatus.SKIPPED) {
            data.put("resource_type", node.resourceType().dbtName()).put("schema", text(node.schema()))
                    .put("node_name", node.name()).put("index", result.index()).put("total", result.total());
            data.set("node_info", nodeInfo);
            reporter.emit("SkippingDetails", "Q034", LogLevel.INFO, msg, data);
            return;
        }
        LogLevel level = status == NodeStatus.ERROR || status == NodeStatus.FAIL ? LogLevel.ERROR
                : status == NodeStatus.WARN ? LogLevel.WARN : LogLevel.INFO;
        String name;
        String code;
        switch (node.resourceType()) {
            case TEST, UNIT_TEST -> {
                name = "LogTestResult";
                code = "Q007";
                data.put("name", node.name()).put("status", status.dbtName()).put("index", result.index())
                        .put("num_models", result.total()).put("execution_time", seconds).put("num_failures", (int) result.failures())
                        .put("attached_node", node.testMetadata() == null ? "" : text(node.testMetadata().attachedNode()));
            }
            case SEED -> {
                name = "LogSeedResult";
                code = "Q016";
                data.put("status", status.dbtName()).put("result_message", result.message()).put("index", result.index())
                        .put("total", result.total()).put("execution_time", seconds).put("schema", text(node.schema()))
                        .put("relation", node.alias() != null ? node.alias() : node.name());
            }
            case SNAPSHOT -> {
                name = "LogSnapshotResult";
                code = "Q015";
                data.put("description", NodeLine.describe(node, null)).put("status", status.dbtName()).put("index", result.index())
                        .put("total", result.total()).put("execution_time", seconds).put("result_message", result.message());
                data.putObject("cfg");
            }
            case SOURCE -> {
                name = "LogFreshnessResult";
                code = "Q018";
                String freshness = status == NodeStatus.ERROR && result.errorKind() != null ? "runtime error" : status.dbtName();
                data.put("status", freshness).put("index", result.index()).put("total", result.total())
                        .put("execution_time", seconds).put("source_name", text(node.sourceName())).put("table_name", node.name());
            }
            case OPERATION -> {
                name = "LogHookEndLine";
                code = "Q033";
                data.put("statement", reporter.hookStatement(node, result.index())).put("status", status.dbtName()).put("index", result.index())
                        .put("total", result.total()).put("execution_time", seconds);
            }
            default -> {
                name = "LogModelResult";
                code = "Q012";
                // as dbt: the engine's answer when the model was built, the status when it failed
                String said = status == NodeStatus.ERROR ? "error" : result.message().isBlank() ? "OK" : result.message();
                data.put("description", NodeLine.describe(node, null)).put("status", said)
                        .put("index", result.index()).put("total", result.total()).put("execution_time", seconds);
            }
        }
        data.set("node_info", nodeInfo);
        reporter.emit(name, code, level, msg, data);
    }

    /** dbt's end of a run: {@code FinishedRunningStats}, {@code EndOfRunSummary}, each failure and warning, {@code StatsLine}. */
    static void summary(JsonReporter reporter, RunSummary summary) {
        String finished = RunStats.finished(summary);
        String statLine = finished.substring("Finished running ".length(), finished.lastIndexOf(" in "));
        double seconds = summary.elapsed().toNanos() / 1e9;
        reporter.formatting();
        reporter.emit("FinishedRunningStats", "E047", LogLevel.INFO, finished, reporter.data().put("stat_line", statLine)
                .put("execution", " in " + RunStats.humanize(summary.elapsed())).put("execution_time", (float) seconds));
        long errors = RunStats.errors(summary);
        long warnings = summary.count(NodeStatus.WARN);
        reporter.formatting();
        reporter.emit("EndOfRunSummary", "Z030", LogLevel.INFO, endOfRun(errors, warnings), reporter.data()
                .put("num_errors", errors).put("num_warnings", warnings).put("keyboard_interrupt", false).put("num_partial_success", 0));
        for (NodeResult result : summary.results()) {
            if (result.status().isFailure()) {
                problem(reporter, result, false);
            }
        }
        for (NodeResult result : summary.results()) {
            if (result.status() == NodeStatus.WARN) {
                problem(reporter, result, true);
            }
        }
        long pass = summary.count(NodeStatus.SUCCESS) + summary.count(NodeStatus.PASS);
        long skip = summary.count(NodeStatus.SKIPPED);
        int total = summary.results().size();
        ObjectNode stats = reporter.data();
        stats.putObject("stats").put("error", errors).put("skip", skip).put("pass", pass).put("warn", warnings)
                .put("noop", 0).put("total", total);
        reporter.formatting();
        reporter.emit("StatsLine", "Z023", LogLevel.INFO, String.format(Locale.ROOT,
                "Done. PASS=%d WARN=%d ERROR=%d SKIP=%d NO-OP=0 TOTAL=%d", pass, warnings, errors, skip, total), stats);
    }

    private static void problem(JsonReporter reporter, NodeResult result, boolean warning) {
        Node node = result.node();
        ObjectNode info = reporter.nodeInfo(result);
        String path = node.originalFilePath() == null ? "" : node.originalFilePath().toString().replace('\\', '/');
        ObjectNode head = reporter.data().put("resource_type", node.resourceType().dbtName()).put("node_name", node.name())
                .put("path", path);
        head.set("node_info", info);
        reporter.formatting();
        String where = node.resourceType().dbtName() + " " + node.name() + " (" + path + ")";
        if (warning) {
            reporter.emit("RunResultWarning", "Z021", LogLevel.WARN, "Warning in " + where, head);
            ObjectNode message = reporter.data().put("msg", result.message());
            message.set("node_info", info);
            reporter.emit("RunResultWarningMessage", "Z046", LogLevel.WARN, result.message(), message);
            return;
        }
        reporter.emit("RunResultFailure", "Z022", LogLevel.ERROR, "Failure in " + where, head);
        if (result.message().isBlank()) {
            ObjectNode status = reporter.data().put("status", result.status().dbtName());
            status.set("node_info", info);
            reporter.emit("RunResultErrorNoMessage", "Z025", LogLevel.ERROR, "  Status: " + result.status().dbtName(), status);
        }
        else {
            ObjectNode message = reporter.data().put("msg", result.message());
            message.set("node_info", info);
            reporter.emit("RunResultError", "Z024", LogLevel.ERROR, "  " + result.message(), message);
        }
        if (result.compiledPath() != null) {
            ObjectNode compiled = reporter.data().put("path", result.compiledPath().toString().replace('\\', '/'));
            compiled.set("node_info", info);
            reporter.formatting();
            reporter.emit("SQLCompiledPath", "Z026", LogLevel.INFO, "  compiled code at " + compiled.get("path").asText(), compiled);
        }
    }

    /** dbt 1.11's words, partial successes included (Smelt has none). */
    private static String endOfRun(long errors, long warnings) {
        if (errors > 0) {
            return "Completed with " + RunStats.count(errors, "error") + ", 0 partial successes, and "
                    + RunStats.count(warnings, "warning") + ":";
        }
        if (warnings > 0) {
            return "Completed with " + RunStats.count(warnings, "warning") + ":";
        }
        return "Completed successfully";
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
