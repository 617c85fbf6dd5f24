package io.smelt.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.Set;

/** {@code smelt source freshness}. */
@Command(name = "freshness", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Checks how recently the selected sources were loaded: the newest loaded_at_field of each source "
                + "with a freshness threshold, against its warn_after and error_after. Writes target/sources.json.",
                "Exit 1 when a source is older than its error_after or its query failed."})
final class FreshnessCommand extends NodeCommand {
    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Mixin
    StateFlags stateFlags = new StateFlags();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Where to write the results (default: target/sources.json).")
    Path output;

    @Override
    protected int execute() {
        return runNodes(selection.toSelection(Set.of(), context(), root().indirectSelection), false, false);
    }

    @Override
    protected Path output() {
        return output == null ? null : context().resolve(output);
    }
}
