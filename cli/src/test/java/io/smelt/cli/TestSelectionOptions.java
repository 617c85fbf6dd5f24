package io.smelt.cli;

import io.smelt.compiler.graph.IndirectSelection;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.graph.Selection;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class TestSelectionOptions {
    private static final CliContext CONTEXT = CliContext.of(Path.of("."));

    @Test
    void repeatableAndSpaceSeparatedAsInDbt() {
        SelectionOptions options = parse("-s", "a", "b+", "--select", "tag:nightly path:models/x", "--exclude", "c", "--exclude", "d e");
        Selection selection = options.toSelection(Set.of(ResourceType.MODEL), CONTEXT, null);
        assertThat(selection.select()).containsExactly("a", "b+", "tag:nightly", "path:models/x");
        assertThat(selection.exclude()).containsExactly("c", "d", "e");
        assertThat(selection.resourceTypes()).containsExactly(ResourceType.MODEL);
    }

    @Test
    void nothingSelectedMeansEverything() {
        Selection selection = parse().toSelection(Set.of(), CONTEXT, null);
        assertThat(selection.select()).isEmpty();
        assertThat(selection.exclude()).isEmpty();
        assertThat(selection.indirectSelection()).isEqualTo(IndirectSelection.EAGER);
    }

    private static SelectionOptions parse(String... args) {
        SelectionOptions options = new SelectionOptions();
        new CommandLine(options).parseArgs(args);
        return options;
    }
}
