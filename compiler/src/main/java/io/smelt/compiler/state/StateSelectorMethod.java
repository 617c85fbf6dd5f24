package io.smelt.compiler.state;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.SelectionCriterion;
import io.smelt.compiler.graph.SelectorMethod;

import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code state:new}, {@code state:modified.body}, ...: the nodes a {@link StateComparison} finds so. The
 * comparison is built on first use, so a command that selects without {@code state:} reads no manifest.
 */
public final class StateSelectorMethod implements SelectorMethod {
    private final Supplier<StateComparison> comparison;
    private StateComparison built;

    public StateSelectorMethod(Supplier<StateComparison> comparison) {
        this.comparison = comparison;
    }

    @Override
    public Predicate<Node> matcher(SelectionCriterion criterion) {
        String value = criterion.value();
        if (!StateComparison.VALUES.contains(value)) {
            throw new SmeltException(ErrorKind.SELECTOR, null, "selector '" + criterion.raw() + "': '" + value
                    + "' is not a state; expected one of: " + String.join(", ", StateComparison.VALUES),
                    "for example --select state:modified+");
        }
        StateComparison state = comparison();
        return node -> state.matches(value, node.uniqueId());
    }

    /** The comparison, built now if it was not yet. */
    public synchronized StateComparison comparison() {
        if (built == null) {
            built = comparison.get();
        }
        return built;
    }
}
