package io.smelt.compiler.graph;

import java.util.List;
import java.util.function.Predicate;

/**
 * A selector method whose answer needs more than the graph: {@code state:}, {@code result:} and
 * {@code source_status:} compare with a previous run's artifacts. {@link NodeSelector#withMethod}
 * registers one; a method that cannot answer (no {@code --state}) throws a SELECTOR error.
 */
@FunctionalInterface
public interface SelectorMethod {
    /** The nodes the criterion's value matches; called once per criterion, the predicate once per node. */
    Predicate<Node> matcher(SelectionCriterion criterion);

    /** Warnings the matching found since last asked (such as a contract's breaking change); by default none. */
    default List<String> takeWarnings() {
        return List.of();
    }
}
