package io.smelt.cli;

import io.smelt.cli.output.Reporter;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.workspace.Workspace;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code smelt compile}: writes each selected node's SQL under target/compiled. As dbt does, prints
 * the SQL of the nodes named in {@code --select}; with {@code --inline}, compiles and prints only
 * the given SQL.
 */
@picocli.CommandLine.Command(name = "compile", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Renders the selected nodes' SQL into target/compiled without running it.")
final class CompileCommand extends SelectingCommand {
    @picocli.CommandLine.Mixin
    EmptyOption empty = new EmptyOption();

    @picocli.CommandLine.Mixin
    SqlCheckOption sqlCheck = new SqlCheckOption();

    @Option(names = "--inline", paramLabel = "SQL",
            description = "Compile this SQL instead of the project's nodes and print it; it may use ref(), source(), macros and var().")
    String inline;

    @Override
    protected int execute() {
        if (inline == null) {
            return super.execute();
        }
        if (!selection.select().isEmpty() || !selection.exclude().isEmpty() || selection.selector != null || empty.empty) {
            throw new ParameterException(spec.commandLine(), "--inline compiles only the SQL given; it cannot be combined with "
                    + "--select, --exclude, --selector or --empty (dbt ignores them)");
        }
        Reporter reporter = reporter();
        reporter.header(Version.current());
        try (Workspace workspace = Workspace.load(projectOptions(), reporter)) {
            workspace.withState(stateFlags.toOptions(context()));
            reporter.loaded(workspace.manifest());
            reporter.compiled(null, workspace.compileInline(inline, reporter));
        }
        return ExitCodes.OK;
    }

    @Override
    protected boolean reportsEachNode() {
        return false;
    }

    @Override
    protected void afterRun(Workspace workspace, RunSummary summary) {
        List<String> named = selection.select();
        for (NodeResult result : summary.results()) {
            if (result.status().isFailure() || result.compiledPath() == null || !named.contains(result.node().name())) {
                continue;
            }
            Path file = workspace.projectDir().resolve(result.compiledPath());
            try {
                reporter().compiled(result.node().name(), Files.readString(file));
            }
            catch (IOException e) {
                reporter().message(RunListener.Level.WARN, "could not read " + file + ": " + e.getMessage());
            }
        }
    }
}
