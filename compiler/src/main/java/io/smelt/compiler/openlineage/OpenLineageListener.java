package io.smelt.compiler.openlineage;

import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineage.RunEvent.EventType;
import io.openlineage.client.utils.UUIDUtils;
import io.smelt.compiler.analysis.Analysis;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.workspace.Workspace;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Passes a run's progress on to another listener and sends OpenLineage events for it: the
 * invocation's START and COMPLETE or FAIL, and for each node START then COMPLETE, FAIL or ABORT
 * (skipped) under one run id, as {@code dbt-ol} does. Building an event is cheap; sending happens
 * on a background thread ({@link EventSender}).
 */
public final class OpenLineageListener implements RunListener {
    /** The commands dbt-ol reports (and {@code retry}, which runs one of them). */
    private static final Set<Command> REPORTED = EnumSet.of(Command.RUN, Command.BUILD, Command.SEED, Command.SNAPSHOT, Command.TEST);

    private final RunListener delegate;
    private final Workspace workspace;
    private final EventSender sender;
    private final NodeEvents events;
    private final UUID invocationRun;
    private final String jobName;
    private final OpenLineage.ParentRunFacet outerParent;
    private final Map<String, UUID> runIds = new ConcurrentHashMap<>();
    private final AtomicBoolean invocationStarted = new AtomicBoolean();
    private final AtomicBoolean buildFailed = new AtomicBoolean();
    private volatile Map<String, Analysis> analyses;
    private volatile boolean analysed;

    private OpenLineageListener(RunListener delegate, Workspace workspace, EventSender sender, OpenLineageSettings settings,
            String smeltVersion) {
        this.delegate = delegate;
        this.workspace = workspace;
        this.sender = sender;
        // Smelt has no public home to point at: a URN names the producer and its version
        OpenLineage ol = new OpenLineage(URI.create("urn:io.smelt:smelt:" + smeltVersion));
        this.invocationRun = invocationRunId(workspace.invocationId());
        this.jobName = settings.jobName() != null ? settings.jobName() : "dbt-run-" + workspace.manifest().projectName();
        this.outerParent = ParentRuns.fromIds(ol, settings.parentId(), settings.rootParentId());
        OpenLineage.ParentRunFacet invocation = ParentRuns.of(ol, invocationRun, settings.jobNamespace(), jobName, outerParent);
        Datasets datasets = new Datasets(ol, workspace.openLineageNamespace(), workspace.manifest(), this::analyses);
        this.events = new NodeEvents(ol, datasets, settings.jobNamespace(), workspace.adapterType(), smeltVersion, invocation);
    }

    /**
     * {@code delegate} alone when the command sends no events or nothing is configured; else a
     * listener that also sends them. Warnings (a receiver that cannot be reached) go to {@code delegate}.
     */
    public static RunListener around(RunListener delegate, Workspace workspace, Command command, OpenLineageSettings settings,
            String smeltVersion) {
        if (!settings.enabled() || !REPORTED.contains(command)) {
            return delegate;
        }
        EventSender sender = EventSender.open(settings, text -> delegate.message(Level.WARN, text));
        return sender == null ? delegate : new OpenLineageListener(delegate, workspace, sender, settings, smeltVersion);
    }

    @Override
    public void runStarted(Command command, int total) {
        safely(this::startInvocation);
        delegate.runStarted(command, total);
    }

    @Override
    public void nodeStarted(Node node, int index, int total) {
        delegate.nodeStarted(node, index, total);
        if (reported(node)) {
            safely(() -> {
                startInvocation();
                UUID runId = UUIDUtils.generateNewUUID();
                runIds.put(node.uniqueId(), runId);
                sender.send(events.start(node, runId, now()));
            });
        }
    }

    @Override
    public void nodeFinished(NodeResult result) {
        delegate.nodeFinished(result);
        Node node = result.node();
        if (!reported(node)) {
            return;
        }
        safely(() -> {
            startInvocation();
            UUID runId = runIds.remove(node.uniqueId());
            if (runId == null) {
                // skipped, or stopped by the SQL check: never started, so its START is sent now
                runId = UUIDUtils.generateNewUUID();
                sender.send(events.start(node, runId, result.startedAt() == null ? now() : result.startedAt().atZone(ZoneOffset.UTC)));
            }
            sender.send(events.finished(result, runId, now(), compiledSql(result)));
        });
    }

    @Override
    public void message(Level level, String text) {
        delegate.message(level, text);
    }

    @Override
    public void runFinished(RunSummary summary) {
        safely(() -> {
            startInvocation();
            long failed = summary.results().stream().filter(r -> r.status().isFailure()).count();
            String error = failed == 0 ? null : failed + " of " + summary.results().size() + " nodes failed";
            sender.send(events.invocation(failed == 0 ? EventType.COMPLETE : EventType.FAIL, invocationRun, jobName, outerParent,
                    error, now()));
        });
        sender.close();
        delegate.runFinished(summary);
    }

    private void startInvocation() {
        if (invocationStarted.compareAndSet(false, true)) {
            sender.send(events.invocation(EventType.START, invocationRun, jobName, outerParent, null, now()));
        }
    }

    /** Builds and queues events without ever failing the run: what cannot be built is told once. */
    private void safely(Runnable step) {
        try {
            step.run();
        }
        catch (RuntimeException e) {
            if (buildFailed.compareAndSet(false, true)) {
                delegate.message(Level.WARN, "OpenLineage: an event could not be made (" + e + "); the run goes on");
            }
        }
    }

    private static boolean reported(Node node) {
        return node.resourceType() != ResourceType.OPERATION;
    }

    /** The SQL analysis, made once when the first dataset needs it (the SQL check's, when it ran). */
    private Map<String, Analysis> analyses() {
        if (!analysed) {
            synchronized (this) {
                if (!analysed) {
                    try {
                        analyses = workspace.sqlAnalyses();
                    }
                    catch (RuntimeException e) {
                        delegate.message(Level.DEBUG, "OpenLineage: no schema or column lineage from the SQL analysis: " + e.getMessage());
                    }
                    analysed = true;
                }
            }
        }
        return analyses;
    }

    private String compiledSql(NodeResult result) {
        Path file;
        if (result.compiledPath() != null) {
            file = workspace.projectDir().resolve(result.compiledPath());
        } else if (result.errorKind() == io.smelt.compiler.diag.ErrorKind.ENGINE && result.node().originalFilePath() != null) {
            // the engine refused what was compiled: the SQL is where dbt writes it, target/compiled/<package>/<file>
            Node node = result.node();
            file = workspace.targetPath().resolve("compiled").resolve(node.packageName()).resolve(node.originalFilePath());
        } else {
            return null;
        }
        try {
            return Files.isRegularFile(file) ? Files.readString(file) : null;
        }
        catch (IOException e) {
            return null;
        }
    }

    private static UUID invocationRunId(String invocationId) {
        try {
            return UUID.fromString(invocationId);
        }
        catch (IllegalArgumentException | NullPointerException e) {
            return UUIDUtils.generateNewUUID();
        }
    }

    private static ZonedDateTime now() {
        return ZonedDateTime.now(ZoneOffset.UTC);
    }
}
