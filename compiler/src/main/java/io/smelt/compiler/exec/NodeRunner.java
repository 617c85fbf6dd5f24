package io.smelt.compiler.exec;

import io.smelt.adapter.EngineException;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.load.LoadedProject;
import io.smelt.compiler.materialize.CompiledNode;
import io.smelt.compiler.materialize.CompiledSqlError;
import io.smelt.compiler.materialize.EventTimeRange;
import io.smelt.compiler.materialize.Scope;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.SourceFreshness;

import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Runs one node on one worker's scope with the {@link ResourceRunner} of its resource type, and says
 * what happened. Never throws for a node's own failure: that becomes an error result.
 */
public final class NodeRunner {
    private final LoadedProject project;
    private final RunnerContext context;
    private final Map<ResourceType, ResourceRunner> runners = new EnumMap<>(ResourceType.class);
    private final ResourceRunner compileOnly;
    private final FreshnessRunner freshness;

    /** A runner that compiles nodes and executes none, for {@code show}. */
    NodeRunner(LoadedProject project) {
        this(project, EventTimeRange.NONE, Command.COMPILE);
    }

    /**
     * @param eventTime the range microbatch models build, from --event-time-start/--event-time-end
     * @param command {@code compile} compiles every node and executes none; {@code clone} clones every node
     */
    NodeRunner(LoadedProject project, EventTimeRange eventTime, Command command) {
        this.project = project;
        this.context = RunnerContext.of(project);
        this.compileOnly = new CompileRunner(context);
        this.freshness = new FreshnessRunner(context);
        if (command == Command.CLONE) {
            ResourceRunner clone = new CloneRunner(context);
            List.of(ResourceType.MODEL, ResourceType.SEED, ResourceType.SNAPSHOT).forEach(type -> runners.put(type, clone));
        }
        else if (command != Command.COMPILE) {
            runners.put(ResourceType.MODEL, new ModelRunner(context, new MicrobatchRunner(context, eventTime)));
            runners.put(ResourceType.SNAPSHOT, new SnapshotRunner(context));
            runners.put(ResourceType.SEED, new SeedRunner(context));
            runners.put(ResourceType.TEST, new DataTestRunner(context));
            runners.put(ResourceType.UNIT_TEST, new UnitTestRunner(context));
            runners.put(ResourceType.SOURCE, freshness);
        }
    }

    NodeResult run(Node node, Scope scope, int index, int total) {
        NodeRun run = NodeRun.start(node, scope, index, total);
        try {
            return runners.getOrDefault(node.resourceType(), compileOnly).run(run);
        }
        catch (SmeltException e) {
            return failed(run, e);
        }
        catch (EngineException e) {
            return context.results().error(run, engineMessage(node, e), null, null, ErrorKind.ENGINE);
        }
        catch (RuntimeException e) {
            SmeltException smelt = causeOfType(e);
            if (smelt != null) {
                return failed(run, smelt);
            }
            return context.results().error(run, String.valueOf(e.getMessage()), null, null, null);
        }
    }

    CompiledNode compile(Node node, Scope scope) {
        return context.compile(node, scope);
    }

    /** Compiled SQL of every node compiled so far, by unique id. */
    Map<String, String> compiledCode() {
        return context.compiledCode().sql();
    }

    /** The worker thread each node ran on, by unique id. */
    Map<String, String> threadIds() {
        return context.compiledCode().threadIds();
    }

    /** What {@code source freshness} measured of each source so far, by unique id. */
    Map<String, SourceFreshness> freshness() {
        return freshness.measured();
    }

    NodeCompiler compiler() {
        return context.compiler();
    }

    /** A node that failed on a problem in the project's files; its kind decides the exit code. */
    private NodeResult failed(NodeRun run, SmeltException e) {
        String hint = e.first().hint();
        String message = hint == null || hint.isBlank() ? e.first().message() : e.first().message() + "\n  hint: " + hint;
        return context.results().error(run, message, null, e.first().at(), e.first().kind());
    }

    private String engineMessage(Node node, EngineException e) {
        String where = node.originalFilePath() == null ? "" : " (" + node.originalFilePath() + ")";
        StringBuilder message = new StringBuilder("Runtime Error in ").append(node.resourceType().dbtName()).append(' ')
                .append(node.name()).append(where).append("\n  ").append(e.getMessage());
        if (e instanceof CompiledSqlError) {
            Path compiled = NodeCompiler.path(project.targetPath().resolve("compiled"), node);
            message.append("\n  at ").append(project.projectDir().relativize(compiled)).append(':').append(e.line());
            if (e.column() > 0) {
                message.append(':').append(e.column());
            }
        }
        if (e.queryId() != null) {
            message.append("\n  query id: ").append(e.queryId());
        }
        return message.toString();
    }

    private static SmeltException causeOfType(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SmeltException s) {
                return s;
            }
        }
        return null;
    }
}
