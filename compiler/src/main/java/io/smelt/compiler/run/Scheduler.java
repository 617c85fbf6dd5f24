package io.smelt.compiler.run;

import io.smelt.adapter.Adapter;
import io.smelt.adapter.Session;
import io.smelt.compiler.graph.Node;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs nodes in dependency order on a pool of worker threads, each with its own session. A node
 * starts once every node it waits for has finished; when one fails, everything downstream of it is
 * skipped.
 */
final class Scheduler {
    /** Deeply nested macros need more than the default 1 MB of stack; only what is used is committed. */
    private static final long RENDER_STACK_SIZE = 64L << 20;

    private final Adapter adapter;
    private final int threads;
    private final RunListener listener;

    Scheduler(Adapter adapter, int threads, RunListener listener) {
        this.adapter = adapter;
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
                    Session session = sessions.poll();
                    if (session == null) {
                        session = adapter.openSession();
                        opened.add(session);
                    }
                    NodeResult result;
                    try {
                        result = work.run(node, session, index);
                    }
                    finally {
                        sessions.add(session);
                    }
                    state.finished(pool, result, failFast);
                });
                while (!state.done()) {
                    state.wait();
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
        private final Set<String> failed = new HashSet<>();
        private final PriorityQueue<Node> ready;
        private final List<NodeResult> results = new ArrayList<>();
        private final AtomicInteger started = new AtomicInteger();
        private final int total;
        private TaskFactory factory;
        private int running;
        private int remaining;
        private boolean stopping;

        State(List<Node> order, Map<String, Set<String>> waitsFor, int total) {
            this.total = total;
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

        boolean done() {
            return remaining == 0 && running == 0;
        }

        void dispatch(ExecutorService pool, TaskFactory taskFactory) {
            this.factory = taskFactory;
            drain(pool);
        }

        private void drain(ExecutorService pool) {
            while (!ready.isEmpty() && running < threads) {
                Node node = ready.poll();
                if (stopping || failed.contains(node.uniqueId())) {
                    skip(node, pool);
                    continue;
                }
                running++;
                int index = started.incrementAndGet();
                listener.nodeStarted(node, index, total);
                pool.execute(factory.task(node, index));
            }
        }

        private void skip(Node node, ExecutorService pool) {
            remaining--;
            int index = started.incrementAndGet();
            NodeResult skipped = new NodeResult(node, index, total, NodeStatus.SKIPPED, "SKIP", 0, Instant.now(),
                    Duration.ZERO, null, null, null, Map.of());
            results.add(skipped);
            listener.nodeFinished(skipped);
            release(node.uniqueId(), true);
        }

        synchronized void finished(ExecutorService pool, NodeResult raw, boolean failFast) {
            running--;
            remaining--;
            NodeResult result = raw;
            results.add(result);
            listener.nodeFinished(result);
            boolean bad = result.status().isFailure();
            if (bad && failFast) {
                stopping = true;
            }
            release(result.node().uniqueId(), bad);
            drain(pool);
            notifyAll();
        }

        private void release(String id, boolean bad) {
            for (String child : dependents.getOrDefault(id, List.of())) {
                if (bad) {
                    failed.add(child);
                }
                int left = pending.merge(child, -1, Integer::sum);
                if (left == 0) {
                    ready.add(byId.get(child));
                }
            }
        }
    }
}
