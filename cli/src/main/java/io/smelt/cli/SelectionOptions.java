package io.smelt.cli;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.IndirectSelection;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.graph.Selection;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * {@code --select} and {@code --exclude} as dbt reads them: each repeatable, each taking one or more
 * words ({@code -s a b -s c} or {@code -s "a b"}), every word one union member; and
 * {@code --indirect-selection} (after the command, else before it), else
 * {@code $SMELT_INDIRECT_SELECTION}, else dbt's {@code $DBT_INDIRECT_SELECTION}, else eager.
 */
public final class SelectionOptions {
    // -m, --models and --model are dbt's older names for --select, which it still accepts
    @Option(names = {"-s", "--select", "-m", "--models", "--model"}, arity = "1..*", paramLabel = "SELECTOR",
            description = "Nodes to act on: names, +parents, children+, tag:x, path:models/x, ... (default: all).")
    List<String> select = new ArrayList<>();

    @Option(names = "--exclude", arity = "1..*", paramLabel = "SELECTOR", description = "Nodes to leave out.")
    List<String> exclude = new ArrayList<>();

    @Option(names = "--selector", paramLabel = "NAME", description = "A selector defined in selectors.yml.")
    String selector;

    @Option(names = "--indirect-selection", paramLabel = "MODE", converter = ModeConverter.class,
            completionCandidates = ModeCandidates.class,
            description = "Which tests come along with the selected nodes: eager (any parent selected; the default), "
                    + "cautious (all parents), buildable (all parents or their ancestors) or empty (none). "
                    + "Default: $SMELT_INDIRECT_SELECTION, else $DBT_INDIRECT_SELECTION, else eager.")
    IndirectSelection indirectSelection;

    public List<String> select() {
        return words(select);
    }

    public List<String> exclude() {
        return words(exclude);
    }

    /** @param beforeCommand {@code --indirect-selection} given before the command, or null */
    public Selection toSelection(Set<ResourceType> resourceTypes, CliContext context, IndirectSelection beforeCommand) {
        return new Selection(select(), exclude(), resourceTypes, selector, indirectSelection(context, beforeCommand));
    }

    private IndirectSelection indirectSelection(CliContext context, IndirectSelection beforeCommand) {
        if (indirectSelection != null || beforeCommand != null) {
            return indirectSelection != null ? indirectSelection : beforeCommand;
        }
        for (String name : List.of("SMELT_INDIRECT_SELECTION", "DBT_INDIRECT_SELECTION")) {
            String value = context.environment().get(name);
            if (value != null && !value.isBlank()) {
                try {
                    return IndirectSelection.parse(value, "$" + name);
                }
                catch (SmeltException e) {
                    throw new SmeltException(ErrorKind.COMMAND_LINE, null, e.first().message(),
                            e.first().hint() + ", or unset " + name);
                }
            }
        }
        return IndirectSelection.EAGER;
    }

    private static List<String> words(List<String> values) {
        List<String> words = new ArrayList<>();
        for (String value : values) {
            for (String word : value.trim().split("\\s+")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return List.copyOf(words);
    }

    static final class ModeConverter implements ITypeConverter<IndirectSelection> {
        @Override
        public IndirectSelection convert(String value) {
            try {
                return IndirectSelection.parse(value, "--indirect-selection");
            }
            catch (SmeltException e) {
                throw new TypeConversionException("expected one of " + IndirectSelection.names() + " but was '" + value + "'");
            }
        }
    }

    static final class ModeCandidates implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Arrays.stream(IndirectSelection.values()).map(IndirectSelection::toString).iterator();
        }
    }
}
