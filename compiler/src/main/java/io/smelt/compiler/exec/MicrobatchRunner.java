package io.smelt.compiler.exec;

import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.load.LoadedProject;
import io.smelt.compiler.materialize.CompiledNode;
import io.smelt.compiler.materialize.EventTimeRange;
import io.smelt.compiler.materialize.Materializer;
import io.smelt.compiler.materialize.MicrobatchConfig;
import io.smelt.compiler.materialize.Scope;
import io.smelt.adapter.EngineException;
import io.smelt.adapter.Relation;
import io.smelt.adapter.RelationType;
import io.smelt.compiler.context.BatchWindow;
import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds a microbatch model one batch at a time, oldest first. Each batch is rendered with its own
 * window and applied by itself (the engine's microbatch strategy replaces the window's rows in one
 * step), so a batch that fails leaves the batches before and after it applied. A failed batch is
 * tried once more before it counts as failed.
 */
public final class MicrobatchRunner implements ResourceRunner {
    /**
     * What the batches did.
     *
     * @param failed the batches that failed twice, each with its last error
     * @param compiled the last batch's compiled node, or null when none compiled
     */
    private record Outcome(int batches, List<String> failed, long rowsAffected, String executedSql, CompiledNode compiled) {
        boolean success() {
            return failed.isEmpty();
        }

        String message() {
            if (failed.isEmpty()) {
                return "OK " + batches + (batches == 1 ? " batch" : " batches");
            }
            return (batches - failed.size()) + " of " + batches + " batches succeeded; failed:\n  " + String.join("\n  ", failed);
        }
    }

    private final RunnerContext context;
    private final LoadedProject project;
    private final EventTimeRange range;

    MicrobatchRunner(RunnerContext context, EventTimeRange range) {
        this.context = context;
        this.project = context.project();
        this.range = range;
    }

    /** Whether the node is a model this runner builds. */
    static boolean handles(Node node) {
        return "incremental".equals(node.materialized()) && "microbatch".equals(node.config().string("incremental_strategy", null));
    }

    /** An error when any batch failed, naming the failed batches; the others stay applied. */
    @Override
    public NodeResult run(NodeRun run) {
        Node node = run.node();
        Outcome outcome = build(node, run.scope());
        NodeCompiler.write(project.targetPath().resolve("run"), node, outcome.executedSql().strip());
        Path compiledPath = outcome.compiled() == null ? null : outcome.compiled().path();
        if (outcome.success()) {
            return context.results().finished(run, NodeStatus.SUCCESS, outcome.message(), 0, compiledPath,
                    NodeResults.response(outcome.message(), outcome.rowsAffected()));
        }
        return context.results().error(run, "Runtime Error in model " + node.name() + ": " + outcome.message(), compiledPath,
                null, null);
    }

    private Outcome build(Node node, Scope scope) {
        List<Diagnostic> problems = new ArrayList<>();
        MicrobatchConfig config = MicrobatchConfig.check(node, problems);
        if (config == null) {
            throw new SmeltException(problems);
        }
        Relation target = project.relationOf(node).withType(RelationType.TABLE);
        Relation existing = scope.lookup(target);
        boolean replace = scope.fullRefresh(node.config());
        boolean incremental = existing != null && existing.type() == RelationType.TABLE && !replace;
        List<BatchWindow> batches = config.batches(incremental, range, LocalDateTime.now(ZoneOffset.UTC));
        List<String> failed = new ArrayList<>();
        long rows = 0;
        StringBuilder executed = new StringBuilder();
        CompiledNode last = null;
        for (int i = 0; i < batches.size(); i++) {
            BatchWindow batch = batches.get(i);
            String label = "batch " + (i + 1) + " of " + batches.size() + " " + batch;
            RuntimeException error = null;
            for (int attempt = 1; attempt <= 2; attempt++) {
                try {
                    // until a batch has replaced the table, a full refresh is still to happen
                    CompiledNode compiled = context.compiledCode().record(context.compiler().compileBatch(node, scope, batch, replace));
                    last = compiled;
                    Materializer.Outcome outcome = context.materializer().batch(compiled, scope, replace, batch, config.eventTime());
                    executed.append("-- ").append(label).append("\n").append(outcome.executedSql());
                    rows += Math.max(0, outcome.rowsAffected());
                    replace = false;
                    error = null;
                    break;
                }
                catch (RuntimeException e) {
                    error = e;
                    project.listener().message(RunListener.Level.DEBUG, node.name() + ": " + label + " failed (attempt " + attempt
                            + "): " + e.getMessage());
                }
            }
            if (error != null) {
                failed.add(batch + ": " + describe(error));
                project.listener().message(RunListener.Level.WARN, node.name() + ": " + label + " failed twice: " + describe(error));
            }
            else {
                project.listener().message(RunListener.Level.DEBUG, node.name() + ": " + label + " OK");
            }
        }
        return new Outcome(batches.size(), failed, rows, executed.toString(), last);
    }

    private static String describe(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SmeltException s) {
                return s.first().message();
            }
            if (t instanceof EngineException) {
                return firstLine(t.getMessage());
            }
        }
        return firstLine(String.valueOf(e.getMessage()));
    }

    private static String firstLine(String text) {
        int newline = text.indexOf('\n');
        return newline < 0 ? text : text.substring(0, newline);
    }
}
