package io.smelt.cli;

import picocli.CommandLine.Command;

/** {@code smelt clone}. */
@Command(name = "clone", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Creates the selected models', seeds' and snapshots' relations in the target from those of the run --state names.",
                "A clone of each table where the engine can clone tables, else a view over it (a copied table for incremental "
                        + "models and snapshots). Relations the target has are kept unless --full-refresh. "
                        + "What each engine does: docs/reference/commands.md#clone."})
final class CloneCommand extends SelectingCommand {
}
