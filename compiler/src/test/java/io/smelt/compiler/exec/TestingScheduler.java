package io.smelt.compiler.exec;

import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunListener;
import io.smelt.adapter.Session;
import io.smelt.compiler.graph.Node;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * Runs the {@link Scheduler} without an engine: each node "runs" by returning the status a function
 * gives it, and the order of starts and finishes is recorded.
 */
final class TestingScheduler {
    private final AtomicInteger clock = new AtomicInteger();
    private final Map<String, Integer> startedAt = new ConcurrentHashMap<>();
    private final Map<String, Integer> finishedAt = new ConcurrentHashMap<>();

    /**
     * @param outcome the status each node ends with when it runs
     * @throws AssertionError when the run has not ended after 60 seconds, so a hang fails the test
     */
    List<NodeResult> run(List<Node> order, Map<String, Set<String>> waitsFor, int threads, boolean failFast,
            Function<Node, NodeStatus> outcome) {
        RunListener listener = new RunListener() {
            @Override
            public void nodeFinished(NodeResult result) {
                finishedAt.put(result.node().uniqueId(), clock.incrementAndGet());
            }
        };
        Scheduler scheduler = new Scheduler(TestingScheduler::noSession, threads, listener);
        Scheduler.Work work = (node, session, index) -> {
            startedAt.put(node.uniqueId(), clock.incrementAndGet());
            return new NodeResult(node, index, order.size(), outcome.apply(node), "", 0, Instant.now(), Duration.ZERO,
                    null, null, null, Map.of());
        };
        CompletableFuture<List<NodeResult>> run = CompletableFuture.supplyAsync(
                () -> scheduler.run(order, waitsFor, failFast, work, order.size()));
        try {
            return run.get(60, TimeUnit.SECONDS);
        }
        catch (TimeoutException e) {
            throw new AssertionError("the scheduler still waits after 60 seconds", e);
        }
        catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new AssertionError(e.getCause());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** When the node started running (a tick of one clock shared with finishes), or null when it never ran. */
    Integer started(String uniqueId) {
        return startedAt.get(uniqueId);
    }

    Integer finished(String uniqueId) {
        return finishedAt.get(uniqueId);
    }

    static Session noSession() {
        return (Session) Proxy.newProxyInstance(Session.class.getClassLoader(), new Class<?>[] {Session.class},
                (proxy, method, args) -> null);
    }
}
