package io.smelt.cli;

import picocli.CommandLine.Option;

/** Flags of the commands that build relations or run tests. */
public final class RunOptions {
    @Option(names = {"-f", "--full-refresh"}, description = "Rebuild incremental models and reload seeds from scratch.")
    boolean fullRefresh;

    @Option(names = {"-x", "--fail-fast"}, description = "Stop at the first failure.")
    boolean failFast;
}
