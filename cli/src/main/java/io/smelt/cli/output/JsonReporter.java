package io.smelt.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smelt.adapter.Column;
import io.smelt.adapter.QueryResult;
import io.smelt.compiler.graph.Manifest;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One JSON object per line and event, shaped like dbt's structured logs:
 * {@code {"info": {"name": "NodeFinished", "level": "info", "msg": "...", "ts": "..."}, "data": {...}}}.
 * Nothing else goes to stdout.
 */
public final class JsonReporter implements Reporter {
    private final PrintWriter out;
    private final boolean debug;
    private final ObjectMapper mapper = new ObjectMapper();
    private final String invocationId = UUID.randomUUID().toString();

    @Override
    public String invocationId() {
        return invocationId;
    }

    public JsonReporter(PrintWriter out, boolean debug) {
        this.out = out;
        this.debug = debug;
    }

    @Override
    public synchronized void header(String version) {
        emit("MainReportVersion", "info", Reporter.headerLine(version), data().put("version", version));
    }

    @Override
    public synchronized void loaded(Manifest manifest) {
        if (manifest.adapterType() != null) {
            emit("AdapterRegistered", "info", "Registered adapter: " + manifest.adapterType(),
                    data().put("adapter_name", manifest.adapterType()));
        }
        ObjectNode stats = data();
        ObjectNode counts = stats.putObject("stats");
        manifest.nodes().values().forEach(n -> counts.put(n.resourceType().dbtName(), counts.path(n.resourceType().dbtName()).asInt() + 1));
        counts.put("macro", manifest.macros().size());
        emit("FoundStats", "info", RunStats.found(manifest), stats);
    }

    @Override
    public synchronized void runStarted(Command command, int total) {
        emit("RunStarted", "debug", "Running " + command.verb() + " over " + total + " nodes",
                data().put("command", command.verb()).put("total", total));
    }

    @Override
    public synchronized void nodeStarted(Node node, int index, int total) {
        ObjectNode data = data();
        data.set("node_info", nodeInfo(node, "started", Instant.now(), null, null));
        emit("NodeStart", "info", NodeLine.started(node, index, total).plain(), data);
    }

    @Override
    public synchronized void nodeFinished(NodeResult result) {
        ObjectNode data = data();
        Instant finished = result.startedAt() == null ? Instant.now() : result.startedAt().plus(result.elapsed());
        data.set("node_info", nodeInfo(result.node(), result.status().dbtName(), result.startedAt(), finished, result.relationName()));
        ObjectNode run = data.putObject("run_result");
        run.put("status", result.status().dbtName());
        run.put("message", result.message());
        run.put("failures", result.failures());
        run.put("execution_time", result.elapsed().toNanos() / 1e9);
        run.put("index", result.index());
        run.put("total", result.total());
        run.put("compiled_path", result.compiledPath() == null ? null : result.compiledPath().toString());
        run.put("error_at", result.errorAt() == null ? null : result.errorAt().toString());
        run.set("adapter_response", mapper.valueToTree(JsonValues.plain(result.adapterResponse())));
        String level = switch (result.status()) {
            case ERROR, FAIL -> "error";
            case WARN, SKIPPED -> "warn";
            default -> "info";
        };
        emit("NodeFinished", level, NodeLine.finished(result).plain(), data);
    }

    @Override
    public synchronized void message(Level level, String text) {
        if (level == Level.DEBUG && !debug) {
            return;
        }
        emit("Note", level.name().toLowerCase(Locale.ROOT), text, data());
    }

    @Override
    public synchronized void summary(RunSummary summary) {
        ObjectNode finished = data().put("execution_time", summary.elapsed().toNanos() / 1e9);
        emit("FinishedRunningStats", "info", RunStats.finished(summary), finished);
        ObjectNode end = data()
                .put("num_errors", RunStats.errors(summary))
                .put("num_warnings", summary.count(NodeStatus.WARN))
                .put("success", summary.success());
        emit("EndOfRunSummary", summary.success() ? "info" : "error", RunStats.completion(summary), end);
        for (NodeResult result : summary.results()) {
            List<String> lines = FailureReport.lines(result);
            if (!lines.isEmpty()) {
                ObjectNode data = data();
                data.set("node_info", nodeInfo(result.node(), result.status().dbtName(), result.startedAt(), null, result.relationName()));
                emit("RunResultError", result.status() == NodeStatus.WARN ? "warn" : "error",
                        String.join("\n", lines), data);
            }
        }
        ObjectNode stats = data();
        ObjectNode counts = stats.putObject("stats");
        counts.put("pass", summary.count(NodeStatus.SUCCESS) + summary.count(NodeStatus.PASS));
        counts.put("warn", summary.count(NodeStatus.WARN));
        counts.put("error", RunStats.errors(summary));
        counts.put("skip", summary.count(NodeStatus.SKIPPED));
        counts.put("total", summary.results().size());
        emit("StatsLine", "info", RunStats.done(summary), stats);
    }

    @Override
    public synchronized void compiled(String nodeName, String sql) {
        String title = nodeName == null ? "Compiled inline node is:" : "Compiled node '" + nodeName + "' is:";
        emit("CompiledNode", "info", title + "\n" + sql, data().put("node_name", nodeName == null ? "inline_query" : nodeName)
                .put("compiled", sql).put("is_inline", nodeName == null));
    }

    @Override
    public synchronized void preview(String title, QueryResult result) {
        ObjectNode data = data();
        ArrayNode rows = data.putArray("preview");
        for (List<Object> row : result.rows()) {
            ObjectNode object = rows.addObject();
            for (int c = 0; c < result.columns().size(); c++) {
                Column column = result.columns().get(c);
                object.set(column.name(), mapper.valueToTree(JsonValues.plain(c < row.size() ? row.get(c) : null)));
            }
        }
        emit("ShowNode", "info", title + "\n" + String.join("\n", Tables.render(result)), data);
    }

    @Override
    public synchronized void listed(String line) {
        emit("ListCmdOut", "info", line, data());
    }

    @Override
    public synchronized void note(String text) {
        emit("Note", "info", text, data());
    }

    @Override
    public synchronized void check(String name, boolean ok, String detail) {
        emit("DebugCheck", ok ? "info" : "error", name + " [" + (ok ? "OK" : "ERROR") + (detail == null ? "" : " " + detail) + "]",
                data().put("check", name).put("ok", ok).put("detail", detail));
    }

    @Override
    public synchronized void encounteredError(String message) {
        emit("MainEncounteredError", "error", message, data().put("exc", message));
    }

    @Override
    public synchronized void close() {
        out.flush();
    }

    private ObjectNode data() {
        return mapper.createObjectNode();
    }

    private ObjectNode nodeInfo(Node node, String status, Instant started, Instant finished, String relationName) {
        ObjectNode info = mapper.createObjectNode();
        info.put("node_name", node.name());
        info.put("unique_id", node.uniqueId());
        info.put("resource_type", node.resourceType().dbtName());
        info.put("materialized", node.materialized());
        info.put("node_path", node.originalFilePath() == null ? null : node.originalFilePath().toString());
        info.put("node_status", status);
        info.put("node_started_at", started == null ? null : started.toString());
        info.put("node_finished_at", finished == null ? null : finished.toString());
        if (node.hasRelation()) {
            ObjectNode relation = info.putObject("node_relation");
            relation.put("database", node.database());
            relation.put("schema", node.schema());
            relation.put("alias", node.alias());
            relation.put("relation_name", relationName != null ? relationName : NodeLine.relation(node, null));
        }
        return info;
    }

    private void emit(String name, String level, String msg, ObjectNode data) {
        ObjectNode event = mapper.createObjectNode();
        ObjectNode info = event.putObject("info");
        info.put("name", name);
        info.put("level", level);
        info.put("msg", msg);
        info.put("ts", Instant.now().toString());
        info.put("invocation_id", invocationId);
        info.put("pid", ProcessHandle.current().pid());
        info.put("thread", Thread.currentThread().getName());
        event.set("data", data);
        try {
            out.println(mapper.writeValueAsString(event));
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
        out.flush();
    }
}
