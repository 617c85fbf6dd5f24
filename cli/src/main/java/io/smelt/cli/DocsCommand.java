package io.smelt.cli;

/** {@code smelt docs}: the parent of {@code docs generate} and {@code docs serve}, as in dbt. */
@picocli.CommandLine.Command(name = "docs", mixinStandardHelpOptions = true, sortOptions = false,
        subcommands = {DocsGenerateCommand.class, DocsServeCommand.class},
        description = "Writes the project's documentation site (generate) and serves it (serve).")
final class DocsCommand extends BaseCommand {
    @Override
    protected int execute() {
        err().println("smelt docs: a subcommand is needed: generate or serve.");
        spec.commandLine().usage(err());
        return ExitCodes.INVALID;
    }
}
