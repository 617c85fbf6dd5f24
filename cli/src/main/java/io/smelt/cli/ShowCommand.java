package io.smelt.cli;

import io.smelt.adapter.EngineException;
import io.smelt.adapter.QueryResult;
import io.smelt.cli.output.Reporter;
import io.smelt.compiler.graph.Selection;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.state.StateOptions;
import io.smelt.compiler.workspace.Workspace;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.util.List;
import java.util.Set;

/** {@code smelt show}: previews the rows of one model or of an inline query. */
@picocli.CommandLine.Command(name = "show", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Previews the first rows of a model (--select) or of a query (--inline).")
final class ShowCommand extends BaseCommand {
    @Option(names = {"-s", "--select"}, paramLabel = "SELECTOR", description = "The one model to preview.")
    String select;

    @Option(names = "--inline", paramLabel = "SQL", description = "A query to preview; may use ref() and source().")
    String inline;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "5", description = "Rows to show (default: ${DEFAULT-VALUE}; -1 for all).")
    int limit;

    @Mixin
    StateFlags stateFlags = new StateFlags();

    @Override
    protected int execute() {
        if ((select == null) == (inline == null)) {
            throw new ParameterException(spec.commandLine(), "show needs either --select or --inline");
        }
        Reporter reporter = reporter();
        reporter.header(Version.current());
        try (Workspace workspace = Workspace.load(projectOptions(), reporter)) {
            StateOptions state = stateFlags.toOptions(context());
            workspace.withState(state);
            StateFlags.warnings(state).forEach(warning -> reporter.message(RunListener.Level.WARN, warning));
            reporter.loaded(workspace.manifest());
            Selection selection = select == null
                    ? Selection.all()
                    : new Selection(List.of(select.trim().split("\\s+")), List.of(), Set.of());
            QueryResult result;
            try {
                result = workspace.show(selection, inline, limit, reporter);
            }
            catch (RuntimeException e) {
                EngineException engine = OperationFailedException.engineCause(e);
                if (engine == null) {
                    throw e;
                }
                throw new OperationFailedException(engine.getMessage(), e);
            }
            reporter.preview(inline != null ? "Previewing inline node:" : "Previewing node '" + select.trim() + "':", result);
        }
        return ExitCodes.OK;
    }
}
