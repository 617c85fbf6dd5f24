package io.smelt.cli;

import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.workspace.Workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code smelt compile}: writes each selected node's SQL under target/compiled. As dbt does, prints
 * the SQL of the nodes named in {@code --select}.
 */
@picocli.CommandLine.Command(name = "compile", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Renders the selected nodes' SQL into target/compiled without running it.")
final class CompileCommand extends SelectingCommand {
    @picocli.CommandLine.Mixin
    EmptyOption empty = new EmptyOption();

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
