package io.smelt.cli;

import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.graph.Selection;
import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code --select} and {@code --exclude} as dbt reads them: each repeatable, each taking one or more
 * words ({@code -s a b -s c} or {@code -s "a b"}), every word one union member.
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

    public List<String> select() {
        return words(select);
    }

    public List<String> exclude() {
        return words(exclude);
    }

    public Selection toSelection(Set<ResourceType> resourceTypes) {
        return new Selection(select(), exclude(), resourceTypes, selector);
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
}
