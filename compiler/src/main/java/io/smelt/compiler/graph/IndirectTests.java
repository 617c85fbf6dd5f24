package io.smelt.compiler.graph;

import java.util.BitSet;

/**
 * The tests that come along with selected nodes, as dbt's {@code expand_selection} and
 * {@code incorporate_indirect_nodes} decide them for each {@link IndirectSelection} mode.
 */
final class IndirectTests {
    /**
     * What one part of a selection picked.
     *
     * @param direct the selected nodes, tests taken by the mode included
     * @param all {@code direct} plus the tests left out for now: under cautious and buildable, a test
     *     whose other parents another part of a union may still select
     */
    record Picked(BitSet direct, BitSet all) {
    }

    private final DependencyGraph graph;
    private BitSet sources;

    IndirectTests(DependencyGraph graph) {
        this.graph = graph;
    }

    /** dbt's {@code expand_selection}: the tests that depend on a node of {@code selected}. */
    Picked expand(BitSet selected, IndirectSelection mode) {
        BitSet direct = (BitSet) selected.clone();
        if (mode == IndirectSelection.EMPTY) {
            return new Picked(direct, (BitSet) selected.clone());
        }
        BitSet all = (BitSet) selected.clone();
        BitSet buildable = null;
        if (mode == IndirectSelection.BUILDABLE) {
            buildable = graph.withAncestors(selected, DependencyGraph.UNLIMITED);
            buildable.or(sources());
        }
        for (int i = selected.nextSetBit(0); i >= 0; i = selected.nextSetBit(i + 1)) {
            for (int child : graph.childrenAt(i)) {
                if (!isTest(child, true)) {
                    continue;
                }
                boolean take = mode == IndirectSelection.EAGER || parentsWithin(child, selected)
                        || (buildable != null && parentsWithin(child, buildable));
                (take ? direct : all).set(child);
            }
        }
        all.or(direct);
        return new Picked(direct, all);
    }

    /**
     * dbt's {@code incorporate_indirect_nodes}, after a union or intersection: a data test left out by
     * one part comes in when the combined selection now holds all its parents (under buildable, their
     * ancestors count too). As in dbt, unit tests are not looked at again (they have one parent).
     */
    BitSet incorporate(BitSet direct, BitSet all, IndirectSelection mode) {
        if (mode != IndirectSelection.CAUTIOUS && mode != IndirectSelection.BUILDABLE) {
            return direct;
        }
        BitSet within = mode == IndirectSelection.CAUTIOUS ? direct : graph.withAncestors(direct, DependencyGraph.UNLIMITED);
        BitSet result = (BitSet) direct.clone();
        BitSet candidates = (BitSet) all.clone();
        candidates.andNot(direct);
        for (int i = candidates.nextSetBit(0); i >= 0; i = candidates.nextSetBit(i + 1)) {
            if (isTest(i, false) && parentsWithin(i, within)) {
                result.set(i);
            }
        }
        return result;
    }

    private boolean isTest(int i, boolean orUnitTest) {
        ResourceType type = graph.nodeAt(i).resourceType();
        return type == ResourceType.TEST || (orUnitTest && type == ResourceType.UNIT_TEST);
    }

    private boolean parentsWithin(int i, BitSet set) {
        for (int parent : graph.parentsAt(i)) {
            if (!set.get(parent)) {
                return false;
            }
        }
        return true;
    }

    // dbt's buildable mode counts every source as built
    private BitSet sources() {
        if (sources == null) {
            sources = new BitSet(graph.size());
            for (int i = 0; i < graph.size(); i++) {
                if (graph.nodeAt(i).resourceType() == ResourceType.SOURCE) {
                    sources.set(i);
                }
            }
        }
        return sources;
    }
}
