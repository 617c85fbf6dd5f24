package io.smelt.compiler.graph;

import io.smelt.compiler.diag.SmeltException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.IntConsumer;

import static java.util.Objects.requireNonNull;

/**
 * The DAG of linked nodes: an edge runs from each node to the nodes it depends on. Immutable and
 * safe to share between threads. Building it sorts it, so a graph that exists has no cycle. Every
 * operation is linear in the nodes and edges it touches.
 */
public final class DependencyGraph {
    /** Depth limit meaning "no limit". */
    public static final int UNLIMITED = Integer.MAX_VALUE;

    private final List<Node> nodes;
    private final Map<String, Integer> index;
    private final int[][] parents;
    private final int[][] children;
    private final List<String> order;
    private final int[] sorted;
    private final int[] rank;

    private DependencyGraph(List<Node> nodes, Map<String, Integer> index, int[][] parents, int[][] children, int[] sorted) {
        this.nodes = nodes;
        this.index = index;
        this.parents = parents;
        this.children = children;
        this.sorted = sorted;
        this.rank = new int[sorted.length];
        String[] ids = new String[sorted.length];
        for (int i = 0; i < sorted.length; i++) {
            rank[sorted[i]] = i;
            ids[i] = nodes.get(sorted[i]).uniqueId();
        }
        this.order = List.of(ids);
    }

    /**
     * Builds the graph of linked nodes (see {@link GraphLinker}).
     *
     * @throws SmeltException of kind GRAPH showing every cycle
     * @throws IllegalArgumentException when two nodes share a unique id or a node depends on a node
     *     not given
     */
    public static DependencyGraph of(Collection<Node> linkedNodes) {
        List<Node> nodes = List.copyOf(linkedNodes);
        int n = nodes.size();
        Map<String, Integer> index = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            if (index.putIfAbsent(nodes.get(i).uniqueId(), i) != null) {
                throw new IllegalArgumentException("two nodes have the unique id " + nodes.get(i).uniqueId());
            }
        }
        int[][] parents = new int[n][];
        int[] childCount = new int[n];
        for (int i = 0; i < n; i++) {
            List<String> deps = nodes.get(i).dependsOn();
            int[] ids = new int[deps.size()];
            int count = 0;
            for (String dep : deps) {
                Integer parent = index.get(dep);
                if (parent == null) {
                    throw new IllegalArgumentException(nodes.get(i).uniqueId() + " depends on " + dep + ", which is not in the graph");
                }
                if (!contains(ids, count, parent)) {
                    ids[count++] = parent;
                    childCount[parent]++;
                }
            }
            parents[i] = count == ids.length ? ids : Arrays.copyOf(ids, count);
        }
        int[][] children = new int[n][];
        for (int i = 0; i < n; i++) {
            children[i] = new int[childCount[i]];
        }
        int[] fill = new int[n];
        for (int i = 0; i < n; i++) {
            for (int parent : parents[i]) {
                children[parent][fill[parent]++] = i;
            }
        }
        int[] sorted = sort(parents, children);
        if (sorted.length < n) {
            throw new SmeltException(CycleReport.describe(nodes, parents, sorted));
        }
        return new DependencyGraph(nodes, Collections.unmodifiableMap(index), parents, children, sorted);
    }

    private static boolean contains(int[] values, int count, int value) {
        for (int i = 0; i < count; i++) {
            if (values[i] == value) {
                return true;
            }
        }
        return false;
    }

    /** Kahn's algorithm, taking ready nodes in input order; returns fewer ids than nodes on a cycle. */
    private static int[] sort(int[][] parents, int[][] children) {
        int n = parents.length;
        int[] pending = new int[n];
        int[] queue = new int[n];
        int tail = 0;
        for (int i = 0; i < n; i++) {
            pending[i] = parents[i].length;
            if (pending[i] == 0) {
                queue[tail++] = i;
            }
        }
        for (int head = 0; head < tail; head++) {
            for (int child : children[queue[head]]) {
                if (--pending[child] == 0) {
                    queue[tail++] = child;
                }
            }
        }
        return tail == n ? queue : Arrays.copyOf(queue, tail);
    }

    public int size() {
        return nodes.size();
    }

    public boolean contains(String uniqueId) {
        return index.containsKey(uniqueId);
    }

    /** The node, or null when the graph has none with this id. */
    public Node node(String uniqueId) {
        Integer i = index.get(uniqueId);
        return i == null ? null : nodes.get(i);
    }

    /** Every node, in the order given. */
    public List<Node> nodes() {
        return nodes;
    }

    /** Unique ids of the nodes {@code uniqueId} depends on. */
    public List<String> parents(String uniqueId) {
        return ids(parents[indexOf(uniqueId)]);
    }

    /** Unique ids of the nodes that depend on {@code uniqueId}. */
    public List<String> children(String uniqueId) {
        return ids(children[indexOf(uniqueId)]);
    }

    /** Every unique id, each after everything it depends on; stable for a given input order. */
    public List<String> topologicalOrder() {
        return order;
    }

    /** The given ids in topological order. */
    public List<String> sort(Collection<String> uniqueIds) {
        BitSet set = toBits(uniqueIds);
        List<String> sorted = new ArrayList<>(set.cardinality());
        forEachInOrder(set, i -> sorted.add(nodes.get(i).uniqueId()));
        return sorted;
    }

    /** The given ids' nodes in topological order. */
    public List<Node> sortedNodes(Collection<String> uniqueIds) {
        BitSet set = toBits(uniqueIds);
        List<Node> sorted = new ArrayList<>(set.cardinality());
        forEachInOrder(set, i -> sorted.add(nodes.get(i)));
        return sorted;
    }

    /** Everything {@code uniqueId} depends on, directly or not, up to {@code maxDepth} edges away. */
    public Set<String> ancestors(String uniqueId, int maxDepth) {
        BitSet start = new BitSet(nodes.size());
        start.set(indexOf(uniqueId));
        BitSet found = reach(start, maxDepth, parents);
        found.clear(indexOf(uniqueId));
        return toIds(found);
    }

    public Set<String> ancestors(String uniqueId) {
        return ancestors(uniqueId, UNLIMITED);
    }

    /** Everything that depends on {@code uniqueId}, directly or not, up to {@code maxDepth} edges away. */
    public Set<String> descendants(String uniqueId, int maxDepth) {
        BitSet start = new BitSet(nodes.size());
        start.set(indexOf(uniqueId));
        BitSet found = reach(start, maxDepth, children);
        found.clear(indexOf(uniqueId));
        return toIds(found);
    }

    public Set<String> descendants(String uniqueId) {
        return descendants(uniqueId, UNLIMITED);
    }

    // Index-based operations for NodeSelector, which works on BitSets of node indexes

    int indexOf(String uniqueId) {
        Integer i = index.get(requireNonNull(uniqueId, "uniqueId is null"));
        if (i == null) {
            throw new IllegalArgumentException("no node " + uniqueId + " in the graph");
        }
        return i;
    }

    Node nodeAt(int i) {
        return nodes.get(i);
    }

    int[] parentsAt(int i) {
        return parents[i];
    }

    int[] childrenAt(int i) {
        return children[i];
    }

    /** The start nodes plus all nodes up to {@code maxDepth} edges away from one, by breadth-first search. */
    BitSet withAncestors(BitSet start, int maxDepth) {
        return reach(start, maxDepth, parents);
    }

    BitSet withDescendants(BitSet start, int maxDepth) {
        return reach(start, maxDepth, children);
    }

    private static BitSet reach(BitSet start, int maxDepth, int[][] edges) {
        BitSet seen = (BitSet) start.clone();
        int[] frontier = new int[Math.max(1, start.cardinality())];
        int size = 0;
        for (int i = start.nextSetBit(0); i >= 0; i = start.nextSetBit(i + 1)) {
            frontier[size++] = i;
        }
        int[] next = new int[16];
        for (int depth = 0; depth < maxDepth && size > 0; depth++) {
            int nextSize = 0;
            for (int f = 0; f < size; f++) {
                for (int neighbour : edges[frontier[f]]) {
                    if (!seen.get(neighbour)) {
                        seen.set(neighbour);
                        if (nextSize == next.length) {
                            next = Arrays.copyOf(next, next.length * 2);
                        }
                        next[nextSize++] = neighbour;
                    }
                }
            }
            int[] swap = frontier;
            frontier = next;
            next = swap;
            size = nextSize;
        }
        return seen;
    }

    void forEachInOrder(BitSet set, IntConsumer action) {
        if (set.cardinality() * 8L < nodes.size()) {
            int[] members = set.stream().toArray();
            Integer[] boxed = new Integer[members.length];
            for (int i = 0; i < members.length; i++) {
                boxed[i] = members[i];
            }
            Arrays.sort(boxed, (a, b) -> Integer.compare(rank[a], rank[b]));
            for (Integer i : boxed) {
                action.accept(i);
            }
            return;
        }
        for (int i : sorted) {
            if (set.get(i)) {
                action.accept(i);
            }
        }
    }

    BitSet toBits(Collection<String> uniqueIds) {
        BitSet set = new BitSet(nodes.size());
        for (String id : uniqueIds) {
            set.set(indexOf(id));
        }
        return set;
    }

    Set<String> toIds(BitSet set) {
        Set<String> ids = new LinkedHashSet<>();
        forEachInOrder(set, i -> ids.add(nodes.get(i).uniqueId()));
        return Collections.unmodifiableSet(ids);
    }

    private List<String> ids(int[] indexes) {
        String[] ids = new String[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            ids[i] = nodes.get(indexes[i]).uniqueId();
        }
        return List.of(ids);
    }
}
