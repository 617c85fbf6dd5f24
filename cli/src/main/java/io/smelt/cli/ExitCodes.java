package io.smelt.cli;

import io.smelt.adapter.AdapterConfigException;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.result.RunSummary;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;

/**
 * Every exit code Smelt returns. 0: all went well; 1: a model, seed, snapshot or test errored or
 * failed; 2: the project, profile or command line is wrong, or Smelt failed before running anything.
 * dbt folds compile errors into 1; a CI gate wants the two apart.
 */
public final class ExitCodes implements IExitCodeExceptionMapper {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int INVALID = 2;

    @Override
    public int getExitCode(Throwable exception) {
        return forThrowable(exception);
    }

    /**
     * A {@link SmeltException} (project, profile, Jinja, graph, selector), an {@link
     * AdapterConfigException}, a {@link ParameterException} (bad flags) and any unexpected failure
     * all mean the run did not happen as asked: 2. Node failures do not arrive as exceptions; they
     * come back in the {@link RunSummary}. An engine error while running an operation or a preview
     * is a failed run: 1.
     */
    public static int forThrowable(Throwable exception) {
        if (exception instanceof OperationFailedException) {
            return FAILED;
        }
        return INVALID;
    }

    public static int forSummary(RunSummary summary) {
        return summary.invalidProject() ? INVALID : summary.success() ? OK : FAILED;
    }
}
