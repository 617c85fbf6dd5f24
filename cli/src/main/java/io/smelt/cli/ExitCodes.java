package io.smelt.cli;

import io.smelt.adapter.AdapterConfigException;
import io.smelt.adapter.EngineException;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.ExitClass;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.RunSummary;
import picocli.CommandLine.IExitCodeExceptionMapper;
import picocli.CommandLine.ParameterException;

/**
 * Every exit code Smelt returns, decided here from the {@link ErrorKind} of what went wrong, which
 * carries its {@link ExitClass}. 0: all went well; 1: a model, seed, snapshot or test errored or
 * failed; 2: the project, profile or command line is wrong, or Smelt failed before running anything.
 */
public final class ExitCodes implements IExitCodeExceptionMapper {
    public static final int OK = ExitClass.SUCCESS.code();
    public static final int FAILED = ExitClass.FAILURE.code();
    public static final int INVALID = ExitClass.PROJECT.code();

    @Override
    public int getExitCode(Throwable exception) {
        return forThrowable(exception);
    }

    public static int forThrowable(Throwable exception) {
        return classOf(exception).code();
    }

    public static int forSummary(RunSummary summary) {
        return classOf(summary).code();
    }

    /**
     * A command that throws has not done what was asked, so whatever the kind of error it is at least
     * {@link ExitClass#PROJECT}. The exception: an {@link OperationFailedException}, an engine error while
     * show or run-operation ran what was asked, is a failed run. Node failures do not arrive as
     * exceptions; they come back in the {@link RunSummary}.
     */
    static ExitClass classOf(Throwable exception) {
        if (exception instanceof OperationFailedException) {
            return ErrorKind.ENGINE.exitClass();
        }
        return kindOf(exception).exitClass().worst(ExitClass.PROJECT);
    }

    /** The gravest of the nodes' classes. */
    static ExitClass classOf(RunSummary summary) {
        ExitClass worst = ExitClass.SUCCESS;
        for (NodeResult result : summary.results()) {
            worst = worst.worst(classOf(result));
        }
        return worst;
    }

    /** A failed node is a failure, unless the kind of error it failed with says that the project is wrong. */
    static ExitClass classOf(NodeResult result) {
        if (!result.status().isFailure()) {
            return ExitClass.SUCCESS;
        }
        return result.errorKind() == null ? ExitClass.FAILURE : result.errorKind().exitClass();
    }

    private static ErrorKind kindOf(Throwable exception) {
        if (exception instanceof SmeltException smelt) {
            return smelt.first().kind();
        }
        if (exception instanceof ParameterException) {
            return ErrorKind.COMMAND_LINE;
        }
        if (exception instanceof AdapterConfigException) {
            return ErrorKind.PROFILE;
        }
        if (exception instanceof EngineException) {
            return ErrorKind.ENGINE;
        }
        return ErrorKind.INTERNAL;
    }
}
