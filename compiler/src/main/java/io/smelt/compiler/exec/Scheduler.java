package io.smelt.compiler.exec;

import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.RunListener;
import io.smelt.adapter.Session;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Runs nodes in dependency order on a pool of worker threads, each with its own session. A node
 * starts once every node it waits for has finished; when one fails, everything downstream of it is
 * skipped, with the failed node named as the reason. Waiting with nothing running and nothing ready
 * (a cycle among the waits) is an internal error naming the waiting nodes, never a hang.
 */
public final class Scheduler {
    private static final int NAMED_WAITERS = 10;
    /** Deeply nested macros need more than the default 1 MB of stack; only what is used is committed. */
    private static final long RENDER_STACK_SIZE = 64L << 20;

    private final Supplier<Session> sessionFactory;
    private final int threads;
    private final RunListener listener;

    Scheduler(Supplier<Session> sessionFactory, int threads, RunListener listener) {
        this.sessionFactory = sessionFactory;
        this.threads = Math.max(1, threads);
        this.listener = listener;
    }

    /** Runs one node on a session; {@code index} is its 1-based start position for messages. */
    interface Work {
        NodeResult run(Node node, Session session, int index);
    }

    /**
     * @param order the nodes to run, in a topological order (ties run in this order)
     * @param waitsFor for each node, the nodes in {@code order} it must wait for
     * @param work runs one node on a session; index and total are for messages
     * @throws SmeltException of kind INTERNAL when nodes are left waiting for one another
     */
    List<NodeResult> run(List<Node> order, Map<String, Set<String>> waitsFor, boolean failFast,
            Work work, int total) {
        State state = new State(order, waitsFor, total);
        BlockingQueue<Session> sessions = new LinkedBlockingQueue<>();
        List<Session> opened = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger workers = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, runnable -> {
            Thread thread = new Thread(null, runnable, "Thread-" + workers.incrementAndGet(), RENDER_STACK_SIZE);
            thread.setDaemon(true);
            return thread;
        });
        try {
            synchronized (state) {
                state.dispatch(pool, (node, index) -> () -> {
                    Session session = null;
                    NodeResult result;
                    try {
                        session = sessions.poll();
                        if (session == null) {
                            session = sessionFactory.get();
                            opened.add(session);
                        }
                        result = work.run(node, session, index);
                    }
                    catch (RuntimeException | Error e) {
                        // a node's failure (or its session's) must reach the state, or the run would wait for it forever
                        String message = e instanceof RuntimeException && e.getMessage() != null ? e.getMessage()
                                : "internal error: " + e;
                        result = new NodeResult(node, index, total, NodeStatus.ERROR, message, 0, Instant.now(),
                                Duration.ZERO, null, null, null, Map.of());
                    }
                    finally {
                        if (session != null) {
                            sessions.add(session);
                        }
                    }
                    state.finished(pool, result, failFast);
                });
                while (!state.done() && !state.stuck()) {
                    state.wait();
                }
                if (state.stuck()) {
                    throw state.deadlock();
                }
                if (state.listenerFailure != null) {
                    throw state.listenerFailure;
                }
            }
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        finally {
            pool.shutdownNow();
            for (Session session : opened) {
                try {
                    session.close();
                }
                catch (RuntimeException ignored) {
                    // closing is best effort once the run is over
                }
            }
        }
        return state.results;
    }

    private interface TaskFactory {
        Runnable task(Node node, int index);
    }

    private final class State {
        private final Map<String, Node> byId = new HashMap<>();
        private final Map<String, Integer> position = new HashMap<>();
        private final Map<String, Integer> pending = new HashMap<>();
        private final Map<String, List<String>> dependents = new HashMap<>();
        private final Map<String, Set<String>> waitsFor;
        /** Node to skip, and why. */
        private final Map<String, String> skipReason = new HashMap<>();
        /** The first failure under fail-fast, after which nothing else starts. */
        private String stoppedBy;
        /** The first exception a listener threw, raised once the run is over. */
        private RuntimeException listenerFailure;
        private final PriorityQueue<Node> ready;
        private final List<NodeResult> results = new ArrayList<>();
        private final AtomicInteger started = new AtomicInteger();
        private final int total;
        private TaskFactory factory;
        private int running;
        private int remaining;

        State(List<Node> order, Map<String, Set<String>> waitsFor, int total) {
            this.total = total;
            this.waitsFor = waitsFor;
            for (int i = 0; i < order.size(); i++) {
                Node node = order.get(i);
                byId.put(node.uniqueId(), node);
                position.put(node.uniqueId(), i);
            }
            ready = new PriorityQueue<>((a, b) -> Integer.compare(position.get(a.uniqueId()), position.get(b.uniqueId())));
            for (Node node : order) {
                int count = 0;
                for (String parent : waitsFor.getOrDefault(node.uniqueId(), Set.of())) {
                    if (byId.containsKey(parent) && !parent.equals(node.uniqueId())) {
                        dependents.computeIfAbsent(parent, k -> new ArrayList<>()).add(node.uniqueId());
                        count++;
                    }
                }
                pending.put(node.uniqueId(), count);
                if (count == 0) {
                    ready.add(node);
                }
            }
            remaining = order.size();
        }

        /** A listener that throws must not leave the state half updated, which would leave the run waiting. */
        private void tell(Runnable call) {
            try {
                call.run();
            }
            catch (RuntimeException e) {
                if (listenerFailure == null) {
                    listenerFailure = e;
                }
            }
        }

        boolean done() {
            return remaining == 0 && running == 0;
        }

        /** Nodes are left that can never start: nothing runs that could release them. */
        boolean stuck() {
            return remaining > 0 && running == 0 && ready.isEmpty();
        }

        SmeltException deadlock() {
            Map<String, List<String>> waiting = new LinkedHashMap<>();
            List<String> stuck = pending.keySet().stream().filter(id -> pending.get(id) > 0)
                    .sorted(java.util.Comparator.comparing(position::get)).limit(NAMED_WAITERS).toList();
            for (String id : stuck) {
                waiting.put(id, waitsFor.getOrDefault(id, Set.of()).stream()
                        .filter(pending::containsKey).filter(parent -> pending.get(parent) > 0).sorted().toList());
            }
            StringBuilder message = new StringBuilder("the scheduler has " + remaining
                    + " nodes left that wait for one another, with nothing running:");
            waiting.forEach((id, on) -> message.append(System.lineSeparator()).append("  ").append(id)
                    .append(" waits for ").append(String.join(", ", on)));
            if (remaining > waiting.size()) {
                message.append(System.lineSeparator()).append("  ...");
            }
            return new SmeltException(ErrorKind.INTERNAL, null, message.toString(),
                    "this is a bug in Smelt's build order; please report it with the nodes named above");
        }

        void dispatch(ExecutorService pool, TaskFactory taskFactory) {
            this.factory = taskFactory;
            drain(pool);
        }

        private void drain(ExecutorService pool) {
            while (!ready.isEmpty() && running < threads) {
                Node node = ready.poll();
                if (stoppedBy != null || skipReason.containsKey(node.uniqueId())) {
                    skip(node);
                    continue;
                }
                running++;
                int index = started.incrementAndGet();
                tell(() -> listener.nodeStarted(node, index, total));
                pool.execute(factory.task(node, index));
            }
        }

        private void skip(Node node) {
            remaining--;
            int index = started.incrementAndGet();
            String reason = skipReason.get(node.uniqueId());
            String message = reason != null ? "skipped because " + reason + " failed"
                    : "skipped because --fail-fast stopped the run after " + stoppedBy + " failed";
            NodeResult skipped = new NodeResult(node, index, total, NodeStatus.SKIPPED, message, 0, Instant.now(),
                    Duration.ZERO, null, null, null, Map.of());
            results.add(skipped);
            tell(() -> listener.nodeFinished(skipped));
            release(node.uniqueId(), reason != null ? reason : stoppedBy);
        }

        synchronized void finished(ExecutorService pool, NodeResult raw, boolean failFast) {
            running--;
            remaining--;
            NodeResult result = raw;
            results.add(result);
            tell(() -> listener.nodeFinished(result));
            String id = result.node().uniqueId();
            boolean bad = result.status().isFailure();
            if (bad && failFast && stoppedBy == null) {
                stoppedBy = id;
            }
            release(id, bad ? id : null);
            drain(pool);
            notifyAll();
        }

        /** Counts {@code id} as finished for the nodes waiting for it; {@code cause} is the failed node that skips them, or null. */
        private void release(String id, String cause) {
            for (String child : dependents.getOrDefault(id, List.of())) {
                if (cause != null) {
                    skipReason.putIfAbsent(child, cause);
                }
                int left = pending.merge(child, -1, Integer::sum);
                if (left == 0) {
                    ready.add(byId.get(child));
                }
            }
        }
    }
}
