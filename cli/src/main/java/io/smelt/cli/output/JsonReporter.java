package io.smelt.cli.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smelt.adapter.Column;
import io.smelt.adapter.QueryResult;
import io.smelt.compiler.graph.Manifest;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static java.util.Objects.requireNonNull;

/**
 * dbt's structured logs ({@code --log-format json}): one event per line, each
 * {@code {"data": {...}, "info": {"category", "code", "extra", "invocation_id", "level", "msg", "name", "pid", "thread", "ts"}}}
 * with dbt's event names, codes, levels and data fields ({@code core_types.proto} of dbt-core,
 * {@code adapter_types.proto} of dbt-adapters), so tools that read dbt's logs read these. Events below
 * the log level are left out, as dbt leaves them out of its console. Nothing else goes to stdout.
 */
public final class JsonReporter implements Reporter {
    /** Python's {@code json.dumps(value, indent=2)}, as dbt writes show's message. */
    private static final PrettyPrinter PYTHON_INDENT = new DefaultPrettyPrinter()
            .withSeparators(Separators.createDefaultInstance()
                    .withObjectFieldValueSpacing(Separators.Spacing.AFTER))
            .withArrayIndenter(new DefaultIndenter("  ", "\n"))
            .withObjectIndenter(new DefaultIndenter("  ", "\n"));

    private final ObjectMapper mapper = new ObjectMapper();
    private final NodeEvents nodes = new NodeEvents(mapper);
    private final EventSink sink;
    private final Settings settings;
    private final String invocationId;
    private final long startedNanos = System.nanoTime();
    private final Set<String> started = new HashSet<>();
    private boolean headerDone;
    private Command command;
    private String targetName = "";
    private String hookKind = "";
    private int threads;

    /**
     * @param version Smelt's version, for {@code MainReportVersion}
     * @param level the lowest level written (dbt's {@code --log-level}; debug with {@code --debug}, error with {@code --quiet})
     * @param commandPath the command as typed, {@code smelt build}, as dbt's {@code CommandCompleted.command}
     * @param args the flags given, as dbt's {@code MainReportArgs} (names without dashes, {@code _} for {@code -})
     * @param environment the process environment: {@code DBT_ENV_CUSTOM_ENV_*} go to {@code info.extra},
     *     values of {@code DBT_ENV_SECRET*} never appear
     */
    public record Settings(String version, LogLevel level, String commandPath, Map<String, String> args,
            Map<String, String> environment) {
        public Settings {
            requireNonNull(version, "version is null");
            requireNonNull(level, "level is null");
            requireNonNull(commandPath, "commandPath is null");
            args = Map.copyOf(args);
            environment = Map.copyOf(environment);
        }
    }

    public JsonReporter(PrintWriter out, Settings settings) {
        this(EventSink.console(out, settings.environment()), settings, UUID.randomUUID().toString());
    }

    JsonReporter(EventSink sink, Settings settings, String invocationId) {
        this.settings = requireNonNull(settings, "settings is null");
        this.sink = requireNonNull(sink, "sink is null");
        this.invocationId = requireNonNull(invocationId, "invocationId is null");
    }

    /**
     * The console's reporter, and the events of {@code settings.level()} and above appended to
     * {@code file} (dbt's {@code logs/dbt.log}) in {@code format}: {@code debug} (dbt's default for the
     * file), {@code text} or {@code json}.
     */
    public static Reporter withLogFile(Reporter console, Path file, String format, Settings settings) {
        EventSink.Format lines = EventSink.Format.valueOf(format.toUpperCase(Locale.ROOT));
        String id = console.invocationId() != null ? console.invocationId() : UUID.randomUUID().toString();
        return new TeeReporter(console, new JsonReporter(EventSink.file(file, settings.environment(), lines), settings, id));
    }

    /** dbt's print events and ls lines: the command's output, shown with --quiet too and without a time in text. */
    static boolean isPrinted(String name) {
        return name.equals("ShowNode") || name.equals("CompiledNode") || name.equals("ListCmdOut");
    }

    @Override
    public String invocationId() {
        return invocationId;
    }

    @Override
    public synchronized void header(String version) {
        if (headerDone) {
            return;
        }
        headerDone = true;
        emit("MainReportVersion", "A001", LogLevel.INFO, Reporter.headerLine(version),
                data().put("version", "=" + version).put("log_version", 3));
        ObjectNode args = data();
        ObjectNode map = args.putObject("args");
        settings.args().forEach(map::put);
        // as Python prints dbt's dict of flags
        String shown = settings.args().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> "'" + e.getKey() + "': '" + e.getValue() + "'").collect(java.util.stream.Collectors.joining(", ", "{", "}"));
        emit("MainReportArgs", "A002", LogLevel.DEBUG, "running smelt with arguments " + shown, args);
    }

    @Override
    public synchronized void loaded(Manifest manifest) {
        if (manifest.adapterType() != null && !manifest.adapterType().isBlank()) {
            emit("AdapterRegistered", "E034", LogLevel.INFO, "Registered adapter: " + manifest.adapterType(),
                    data().put("adapter_name", manifest.adapterType()).put("adapter_version", ""));
        }
        String found = RunStats.found(manifest);
        emit("FoundStats", "W006", LogLevel.INFO, found, data().put("stat_line", found.substring("Found ".length())));
    }

    @Override
    public synchronized void target(String name, int threads) {
        this.targetName = name == null ? "" : name;
        this.threads = threads;
    }

    @Override
    public synchronized void runStarted(Command command, int total) {
        this.command = command;
        formatting();
        emit("ConcurrencyLine", "Q027", LogLevel.INFO, "Concurrency: " + threads + " threads (target='" + targetName + "')",
                data().put("num_threads", threads).put("target_name", targetName).put("node_count", total));
        formatting();
    }

    @Override
    public synchronized void hooksStarted(String kind, int count) {
        hookKind = kind;
        emit("HooksRunning", "E046", LogLevel.INFO, "Running " + count + " " + kind + " hook" + (count == 1 ? "" : "s"),
                data().put("num_hooks", count).put("hook_type", kind));
    }

    @Override
    public synchronized void hookStarted(Node hook, int index, int total) {
        String statement = hookStatement(hook, index);
        ObjectNode data = data().put("statement", statement).put("index", index).put("total", total);
        data.set("node_info", nodes.nodeInfo(hook, "started", Instant.now(), null, null));
        emit("LogHookStartLine", "Q032", LogLevel.INFO, new NodeLine(index, total, "START hook:", Tone.PLAIN, statement, "RUN", null)
                .plain(), data);
    }

    @Override
    public synchronized void hookFinished(NodeResult result) {
        NodeResultEvents.resultLine(this, result, command, nodes.nodeInfo(result));
        if (result.index() == result.total() && "on-run-start".equals(hookKind)) {
            formatting();
        }
    }

    /** dbt's name for a hook: {@code <package>.on-run-start.0}. */
    String hookStatement(Node hook, int index) {
        return hook.packageName() + "." + hookKind + "." + (index - 1);
    }

    @Override
    public synchronized void nodeStarted(Node node, int index, int total) {
        started.add(node.uniqueId());
        ObjectNode info = nodes.nodeInfo(node, "started", Instant.now(), null, null);
        nodeStart(node, info);
        if (command != Command.COMPILE && node.resourceType() != ResourceType.OPERATION) {
            ObjectNode data = data().put("description", NodeLine.started(node, index, total).subject())
                    .put("index", index).put("total", total);
            data.set("node_info", info);
            emit("LogStartLine", "Q011", LogLevel.INFO, NodeLine.started(node, index, total).plain(), data);
        }
    }

    @Override
    public synchronized void nodeFinished(NodeResult result) {
        Node node = result.node();
        ObjectNode info = nodes.nodeInfo(result);
        if (node.resourceType() == ResourceType.OPERATION) {
            // a failing hook: dbt reports hooks without NodeStart and NodeFinished
            NodeResultEvents.resultLine(this, result, command, info);
            return;
        }
        if (started.add(node.uniqueId())) {
            // dbt starts every node it reports, skipped ones too
            nodeStart(node, nodes.nodeInfo(node, "started", result.startedAt(), null, result.relationName()));
        }
        if (command != Command.COMPILE || result.status().isFailure()) {
            NodeResultEvents.resultLine(this, result, command, info);
        }
        ObjectNode data = data();
        data.set("node_info", info);
        data.set("run_result", nodes.runResult(result, Thread.currentThread().getName()));
        emit("NodeFinished", "Q025", LogLevel.DEBUG, "Finished running node " + node.uniqueId(), data);
    }

    @Override
    public synchronized void message(Level level, String text) {
        emit("Note", "Z050", LogLevel.valueOf(level.name()), text, data().put("msg", text));
    }

    @Override
    public synchronized void summary(RunSummary summary) {
        NodeResultEvents.summary(this, summary);
    }

    @Override
    public synchronized void compiled(String nodeName, String sql) {
        String title = nodeName == null ? "Compiled inline node is:" : "Compiled node '" + nodeName + "' is:";
        emit("CompiledNode", "Q042", LogLevel.INFO, title + "\n" + sql, data()
                .put("node_name", nodeName == null ? "inline_query" : nodeName).put("compiled", sql)
                .put("is_inline", nodeName == null).put("output_format", "text").put("unique_id", "").put("quiet", false));
    }

    @Override
    public synchronized void preview(String title, QueryResult result) {
        ArrayNode rows = mapper.createArrayNode();
        for (List<Object> row : result.rows()) {
            ObjectNode object = rows.addObject();
            for (int c = 0; c < result.columns().size(); c++) {
                Column column = result.columns().get(c);
                object.set(column.name(), mapper.valueToTree(JsonValues.plain(c < row.size() ? row.get(c) : null)));
            }
        }
        boolean inline = title.contains("inline");
        String name = inline ? "inline_query" : title.replaceAll("^[^']*'|'.*$", "");
        ObjectNode shown = mapper.createObjectNode();
        if (!inline) {
            shown.put("node", name);
        }
        shown.set("show", rows);
        try {
            // as dbt's show --output json: the rows as JSON text in "preview", the message the same
            emit("ShowNode", "Q041", LogLevel.INFO, mapper.writer(PYTHON_INDENT).writeValueAsString(shown), data()
                    .put("node_name", name).put("preview", mapper.writeValueAsString(rows)).put("is_inline", inline)
                    .put("output_format", "json").put("unique_id", "").put("quiet", false));
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public synchronized void listed(String line) {
        emit("ListCmdOut", "Z049", LogLevel.INFO, line, data().put("msg", line));
    }

    @Override
    public synchronized void note(String text) {
        emit("Note", "Z050", LogLevel.INFO, text, data().put("msg", text));
    }

    @Override
    public synchronized void check(String name, boolean ok, String detail) {
        String line = "  " + name + " [" + (ok ? "OK" : "ERROR") + (detail == null || detail.isBlank() ? "" : " " + detail) + "]";
        emit("DebugCmdOut", "Z047", ok ? LogLevel.INFO : LogLevel.ERROR, line, data().put("msg", line));
    }

    @Override
    public synchronized void encounteredError(String message) {
        emit("MainEncounteredError", "Z002", LogLevel.ERROR, "Encountered an error:\n" + message, data().put("exc", message));
    }

    @Override
    public synchronized void stackTrace(String trace) {
        emit("MainStackTrace", "Z003", LogLevel.ERROR, trace, data().put("stack_trace", trace));
    }

    @Override
    public synchronized void completed(boolean success) {
        Instant now = Instant.now();
        double elapsed = (System.nanoTime() - startedNanos) / 1e9;
        String at = EventLine.isoformat(now).substring(11);
        emit("CommandCompleted", "Q039", LogLevel.DEBUG, String.format(Locale.ROOT, "Command `%s` %s at %s after %.2f seconds",
                settings.commandPath(), success ? "succeeded" : "failed", at, elapsed), data()
                .put("command", settings.commandPath()).put("success", success)
                .put("completed_at", EventLine.timestamp(now)).put("elapsed", (float) elapsed));
    }

    @Override
    public synchronized void close() {
        sink.close();
    }

    ObjectNode data() {
        return mapper.createObjectNode();
    }

    ObjectNode nodeInfo(NodeResult result) {
        return nodes.nodeInfo(result);
    }

    /** dbt's {@code Formatting} event: the blank lines and rules of its text output. */
    void formatting() {
        emit("Formatting", "Z017", LogLevel.INFO, "", data().put("msg", ""));
    }

    void emit(String name, String code, LogLevel level, String msg, ObjectNode data) {
        if (!headerDone && !name.equals("MainReportVersion")) {
            header(settings.version());
        }
        // as dbt's print events (show, compile's SQL) and ls: the command's output, shown with --quiet too
        boolean printed = isPrinted(name);
        LogLevel threshold = settings.level();
        if (!(threshold.admits(level) || printed && threshold != LogLevel.NONE)) {
            return;
        }
        ObjectNode event = mapper.createObjectNode();
        ObjectNode info = event.putObject("info");
        info.put("name", name);
        info.put("code", code);
        info.put("msg", msg);
        info.put("level", level.spelled());
        info.put("invocation_id", invocationId);
        info.put("pid", ProcessHandle.current().pid());
        info.put("thread", Thread.currentThread().getName());
        info.put("ts", EventLine.timestamp(Instant.now()));
        info.put("category", "");
        ObjectNode extra = info.putObject("extra");
        settings.environment().forEach((key, value) -> {
            if (key.startsWith("DBT_ENV_CUSTOM_ENV_")) {
                extra.put(key.substring("DBT_ENV_CUSTOM_ENV_".length()), value);
            }
        });
        event.set("data", data);
        sink.write(event);
    }

    private void nodeStart(Node node, ObjectNode info) {
        ObjectNode data = data();
        data.set("node_info", info);
        emit("NodeStart", "Q024", LogLevel.DEBUG, "Began running node " + node.uniqueId(), data);
    }
}
