package io.smelt.cli;

import io.smelt.compiler.graph.Selection;

/** {@code smelt parse}: reads every file and links the graph, reporting what is wrong. */
@picocli.CommandLine.Command(name = "parse", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Reads the project and checks it, without touching the target.")
final class ParseCommand extends NodeCommand {
    @Override
    protected int execute() {
        return runNodes(Selection.all(), false, false);
    }

    @Override
    protected boolean reportsEachNode() {
        return false;
    }
}
