package io.smelt.compiler.graph;

import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.List;

/**
 * Explains why a graph could not be sorted: one diagnostic per strongly connected component that
 * holds a cycle, showing the shortest cycle through its first node, in "refers to" direction.
 */
final class CycleReport {
    private CycleReport() {
    }

    static List<Diagnostic> describe(List<Node> nodes, int[][] parents, int[] sorted) {
        BitSet stuck = new BitSet(nodes.size());
        stuck.set(0, nodes.size());
        for (int i : sorted) {
            stuck.clear(i);
        }
        List<int[]> components = components(parents, stuck);
        components.sort(Comparator.comparingInt(c -> Arrays.stream(c).min().orElseThrow()));
        List<Diagnostic> problems = new ArrayList<>();
        for (int[] component : components) {
            int start = Arrays.stream(component).min().orElseThrow();
            if (component.length == 1 && !selfLoop(parents, start)) {
                continue;
            }
            BitSet members = new BitSet(nodes.size());
            for (int i : component) {
                members.set(i);
            }
            problems.add(diagnostic(nodes, shortestCycle(parents, members, start)));
        }
        if (problems.isEmpty()) {
            throw new IllegalStateException("graph could not be sorted but no cycle was found");
        }
        return problems;
    }

    private static boolean selfLoop(int[][] parents, int node) {
        for (int parent : parents[node]) {
            if (parent == node) {
                return true;
            }
        }
        return false;
    }

    private static Diagnostic diagnostic(List<Node> nodes, List<Integer> cycle) {
        StringBuilder path = new StringBuilder();
        StringBuilder members = new StringBuilder();
        for (int i = 0; i < cycle.size(); i++) {
            Node node = nodes.get(cycle.get(i));
            if (i > 0) {
                path.append(" → ");
            }
            path.append(node.uniqueId());
            if (i < cycle.size() - 1) {
                members.append(System.lineSeparator()).append("    ").append(node.uniqueId())
                        .append("  ").append(GraphLinker.position(node, 0));
            }
        }
        Node first = nodes.get(cycle.get(0));
        return new Diagnostic(ErrorKind.GRAPH, GraphLinker.position(first, 0),
                "found a dependency cycle: " + path + members,
                "each node refers to the next; remove one of these ref() or source() calls");
    }

    /** Breadth-first search from {@code start} along dependency edges inside the component, back to start. */
    private static List<Integer> shortestCycle(int[][] parents, BitSet members, int start) {
        int[] previous = new int[parents.length];
        Arrays.fill(previous, -1);
        int[] queue = new int[members.cardinality()];
        int tail = 0;
        queue[tail++] = start;
        BitSet seen = new BitSet(parents.length);
        int last = -1;
        search:
        for (int head = 0; head < tail; head++) {
            int current = queue[head];
            for (int parent : parents[current]) {
                if (parent == start) {
                    last = current;
                    break search;
                }
                if (members.get(parent) && !seen.get(parent)) {
                    seen.set(parent);
                    previous[parent] = current;
                    queue[tail++] = parent;
                }
            }
        }
        List<Integer> reversed = new ArrayList<>();
        for (int at = last; at != -1 && at != start; at = previous[at]) {
            reversed.add(at);
        }
        List<Integer> cycle = new ArrayList<>();
        cycle.add(start);
        for (int i = reversed.size() - 1; i >= 0; i--) {
            cycle.add(reversed.get(i));
        }
        cycle.add(start);
        return cycle;
    }

    /** Tarjan's strongly connected components over the nodes in {@code within}, without recursion. */
    private static List<int[]> components(int[][] parents, BitSet within) {
        int n = parents.length;
        int[] order = new int[n];
        int[] low = new int[n];
        Arrays.fill(order, -1);
        boolean[] onStack = new boolean[n];
        int[] stack = new int[n];
        int stackSize = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        int counter = 0;
        List<int[]> result = new ArrayList<>();
        for (int root = within.nextSetBit(0); root >= 0; root = within.nextSetBit(root + 1)) {
            if (order[root] != -1) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = 0;
            order[root] = low[root] = counter++;
            stack[stackSize++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                if (callEdge[depth] < parents[v].length) {
                    int w = parents[v][callEdge[depth]++];
                    if (!within.get(w)) {
                        continue;
                    }
                    if (order[w] == -1) {
                        order[w] = low[w] = counter++;
                        stack[stackSize++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], order[w]);
                    }
                    continue;
                }
                if (low[v] == order[v]) {
                    List<Integer> component = new ArrayList<>();
                    int w;
                    do {
                        w = stack[--stackSize];
                        onStack[w] = false;
                        component.add(w);
                    } while (w != v);
                    result.add(component.stream().mapToInt(Integer::intValue).toArray());
                }
                depth--;
                if (depth >= 0) {
                    int caller = callNode[depth];
                    low[caller] = Math.min(low[caller], low[v]);
                }
            }
        }
        return result;
    }
}
