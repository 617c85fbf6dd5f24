package io.smelt.cli;

import io.smelt.cli.output.Reporter;
import io.smelt.compiler.deps.DepsInstaller;
import io.smelt.compiler.workspace.Workspace;
import picocli.CommandLine.Option;

/** {@code smelt deps}: installs the packages packages.yml or dependencies.yml declares, pinned in package-lock.yml. */
@picocli.CommandLine.Command(name = "deps", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Installs the packages in packages.yml or dependencies.yml into dbt_packages/, pinned in package-lock.yml.")
final class DepsCommand extends BaseCommand {
    @Option(names = "--upgrade", description = "Resolve the packages again, ignoring the versions package-lock.yml pins.")
    boolean upgrade;

    @Option(names = "--lock", description = "Write package-lock.yml without installing anything.")
    boolean lockOnly;

    @Override
    protected int execute() {
        Reporter reporter = reporter();
        reporter.header(Version.current());
        DepsInstaller.Result result = Workspace.deps(projectOptions(), upgrade, lockOnly, reporter);
        if (!lockOnly) {
            reporter.note("Installed " + result.installed().size() + (result.installed().size() == 1 ? " package." : " packages."));
        }
        return ExitCodes.OK;
    }
}
