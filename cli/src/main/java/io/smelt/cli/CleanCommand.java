package io.smelt.cli;

import io.smelt.cli.output.Reporter;
import io.smelt.compiler.project.ProjectOptions;
import io.smelt.compiler.workspace.Workspace;

import java.nio.file.Path;
import java.util.List;

/** {@code smelt clean}: deletes the project's clean-targets (target/ and dbt_packages/ by default). */
@picocli.CommandLine.Command(name = "clean", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Deletes the folders listed in clean-targets.")
final class CleanCommand extends BaseCommand {
    @Override
    protected int execute() {
        Reporter reporter = reporter();
        reporter.header(Version.current());
        ProjectOptions options = projectOptions();
        List<Path> deleted = Workspace.clean(options);
        for (Path path : deleted) {
            reporter.note("Cleaned " + display(options.projectDir(), path));
        }
        reporter.note("Finished cleaning all paths.");
        return ExitCodes.OK;
    }
}
