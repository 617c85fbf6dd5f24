package io.smelt.cli;

import io.smelt.compiler.state.StateOptions;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.List;

/** {@code --state}, {@code --defer}, {@code --defer-state} and {@code --favor-state}, as dbt spells them. */
public final class StateFlags {
    @Option(names = "--state", paramLabel = "DIR",
            description = "The artifacts (manifest.json, run_results.json, sources.json) of the run to compare with: "
                    + "state:, result: and source_status: selectors read them, and --defer too unless --defer-state is given.")
    Path state;

    @Option(names = "--defer", negatable = true, description = "Read a ref() to a node that is not selected and not built in this "
            + "target from the relation of the --state (or --defer-state) manifest. Default: off.")
    boolean defer;

    @Option(names = "--defer-state", paramLabel = "DIR", description = "The artifacts --defer reads, when they are not those of --state.")
    Path deferState;

    @Option(names = "--favor-state", negatable = true, description = "With --defer, read the state's relation even when this "
            + "target has one. Default: off.")
    boolean favorState;

    /** What the flags given will not do, to say before the run. */
    List<String> warnings() {
        return favorState && !defer ? List.of("--favor-state does nothing without --defer") : List.of();
    }

    StateOptions toOptions(CliContext context) {
        return new StateOptions(state == null ? null : context.resolve(state), deferState == null ? null : context.resolve(deferState),
                defer, favorState);
    }
}
