package io.smelt.cli;

import io.smelt.cli.output.Reporter;
import io.smelt.compiler.workspace.DebugReport;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.workspace.Workspace;

/** {@code smelt debug}: checks the project, the profile and the connection. */
@picocli.CommandLine.Command(name = "debug", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Checks the project, the profile and the connection to the target.")
final class DebugCommand extends BaseCommand {
    @Override
    protected int execute() {
        Reporter reporter = reporter();
        reporter.header(Version.current());
        reporter.note("java version: " + System.getProperty("java.version"));
        DebugReport report = Workspace.debug(projectOptions());
        for (DebugReport.Check check : report.checks()) {
            reporter.check(check.name(), check.ok(), check.detail());
        }
        if (report.ok()) {
            reporter.note("All checks passed!");
            return ExitCodes.OK;
        }
        long failed = report.checks().stream().filter(c -> !c.ok()).count();
        reporter.message(RunListener.Level.ERROR, failed + (failed == 1 ? " check failed" : " checks failed"));
        return ExitCodes.INVALID;
    }
}
