package io.smelt.compiler.graph;


import java.util.List;
import java.util.Set;

/**
 * Which nodes a command acts on.
 *
 * @param select {@code --select} expressions (empty: everything)
 * @param exclude {@code --exclude} expressions
 * @param resourceTypes the kinds the command acts on (empty: all)
 * @param selector {@code --selector}: a selector of selectors.yml, or null
 * @param indirectSelection {@code --indirect-selection}: which tests come along with the selected nodes
 */
public record Selection(List<String> select, List<String> exclude, Set<ResourceType> resourceTypes, String selector,
        IndirectSelection indirectSelection) {
    public Selection(List<String> select, List<String> exclude, Set<ResourceType> resourceTypes) {
        this(select, exclude, resourceTypes, null);
    }

    public Selection(List<String> select, List<String> exclude, Set<ResourceType> resourceTypes, String selector) {
        this(select, exclude, resourceTypes, selector, IndirectSelection.EAGER);
    }

    public Selection {
        select = select == null ? List.of() : List.copyOf(select);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        resourceTypes = resourceTypes == null ? Set.of() : Set.copyOf(resourceTypes);
        indirectSelection = indirectSelection == null ? IndirectSelection.EAGER : indirectSelection;
    }

    public static Selection all() {
        return new Selection(List.of(), List.of(), Set.of());
    }

    /** The same selection for other kinds of node. */
    public Selection withResourceTypes(Set<ResourceType> types) {
        return new Selection(select, exclude, types, selector, indirectSelection);
    }
}
