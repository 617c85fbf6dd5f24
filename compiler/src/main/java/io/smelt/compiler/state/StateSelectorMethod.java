package io.smelt.compiler.state;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.SelectionCriterion;
import io.smelt.compiler.graph.SelectorMethod;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@code state:new}, {@code state:modified.body}, ...: the nodes a {@link StateComparison} finds so. The
 * comparison is built on first use, so a command that selects without {@code state:} reads no manifest.
 */
public final class StateSelectorMethod implements SelectorMethod {
    private final Supplier<StateComparison> comparison;
    private StateComparison built;
    private final Queue<String> warnings = new ConcurrentLinkedQueue<>();

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
        if (value.equals("modified") || value.equals("modified.contract")) {
            return node -> {
                boolean modified = state.matches(value, node.uniqueId());
                if (modified) {
                    checkContract(state, node);
                }
                return modified;
            };
        }
        return node -> state.matches(value, node.uniqueId());
    }

    /**
     * As dbt: a breaking change to an enforced contract is an error for a versioned model (publish the
     * new contract as a new version) and a warning for any other.
     */
    private void checkContract(StateComparison state, Node node) {
        List<String> breaking = state.breakingContractChanges(node.uniqueId());
        if (breaking.isEmpty()) {
            return;
        }
        String changes = String.join("; ", breaking);
        if (node.config().get("version") != null) {
            throw new SmeltException(ErrorKind.PROJECT, node.definedAt(), "breaking change to the enforced contract of versioned model '"
                    + node.name() + "': " + changes, "keep this version's contract, and put the new one in a new version of the model");
        }
        warnings.add("breaking change to the enforced contract of model '" + node.name() + "': " + changes
                + " (a versioned model would fail here; consider a new version)");
    }

    @Override
    public List<String> takeWarnings() {
        List<String> taken = new ArrayList<>();
        String warning;
        while ((warning = warnings.poll()) != null) {
            if (!taken.contains(warning)) {
                taken.add(warning);
            }
        }
        return taken;
    }

    /** The comparison, built now if it was not yet. */
    public synchronized StateComparison comparison() {
        if (built == null) {
            built = comparison.get();
        }
        return built;
    }
}
