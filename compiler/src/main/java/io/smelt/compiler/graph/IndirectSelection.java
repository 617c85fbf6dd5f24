package io.smelt.compiler.graph;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which tests come along with the nodes a selector picks ({@code --indirect-selection}), as dbt's
 * {@code IndirectSelection} defines the modes. A data test or unit test that is not selected itself
 * but depends on a selected node is taken when:
 */
public enum IndirectSelection {
    /** any node it depends on is selected (dbt's default) */
    EAGER,
    /** every node it depends on is selected */
    CAUTIOUS,
    /** every node it depends on is selected or is an ancestor of a selected node */
    BUILDABLE,
    /** never: only what the selector names */
    EMPTY;

    /** The mode as dbt spells it ({@code eager}, case-insensitive). */
    public static IndirectSelection parse(String text, String where) {
        for (IndirectSelection mode : values()) {
            if (mode.name().equalsIgnoreCase(text == null ? "" : text.trim())) {
                return mode;
            }
        }
        throw new SmeltException(ErrorKind.SELECTOR, null, where + ": unknown indirect selection '" + text + "'",
                "use one of " + names());
    }

    public static String names() {
        return Arrays.stream(values()).map(IndirectSelection::toString).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
