package io.smelt.cli;

import io.smelt.adapter.AdapterConfigException;
import io.smelt.adapter.EngineException;
import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.SmeltException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * Prints what went wrong, on stderr and without a stack trace unless {@code --debug} is on, and
 * asks {@link ExitCodes} for the exit code.
 */
final class FailureHandler implements IParameterExceptionHandler, IExecutionExceptionHandler {
    @Override
    public int handleParseException(ParameterException exception, String[] args) {
        CommandLine commandLine = exception.getCommandLine();
        PrintWriter err = commandLine.getErr();
        UnknownOptions.Unknown unknown = UnknownOptions.find(commandLine.getCommandSpec().root().commandLine(), args);
        if (unknown != null) {
            err.println("error: unknown option '" + unknown.option() + "' for '" + unknown.command().qualifiedName() + "'");
            err.println("  hint: " + unknown.hint());
            err.flush();
            return commandLine.getExitCodeExceptionMapper().getExitCode(exception);
        }
        if (exception instanceof UnmatchedArgumentException unmatched
                && !unmatched.isUnknownOption()
                && !commandLine.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty()) {
            err.println("error: unknown command '" + unmatched.getUnmatched().get(0) + "'");
        }
        else {
            err.println("error: " + exception.getMessage());
        }
        UnmatchedArgumentException.printSuggestions(exception, err);
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for more information.");
        err.flush();
        return commandLine.getExitCodeExceptionMapper().getExitCode(exception);
    }

    @Override
    public int handleExecutionException(Exception exception, CommandLine commandLine, ParseResult parseResult) {
        BaseCommand command = commandLine.getCommand() instanceof BaseCommand base ? base : null;
        boolean debug = command != null && command.options().debug();
        // a bad --log-level leaves no reporter to tell
        boolean reports = command != null && !(exception instanceof ParameterException);
        boolean json = reports && command.options().logFormat() == LogFormat.JSON;
        // with --log-format json the error is an event on stdout, as dbt logs it, and nothing else is printed
        StringWriter text = new StringWriter();
        PrintWriter err = new PrintWriter(text);
        String message;
        if (exception instanceof SmeltException smelt) {
            for (Diagnostic diagnostic : smelt.diagnostics()) {
                err.println(diagnostic.format());
            }
            message = smelt.getMessage();
        }
        else if (exception instanceof AdapterConfigException config) {
            message = "error: " + config.getMessage();
            err.println(message);
            if (config.hint() != null && !config.hint().isBlank()) {
                err.println("  hint: " + config.hint());
            }
        }
        else if (exception instanceof OperationFailedException failed) {
            message = "error: " + failed.getMessage();
            err.println(message);
        }
        else if (exception instanceof EngineException engine) {
            // The engine could not be reached or refused something outside any node (a locked
            // database file, a failing on-run hook connection): not a bug, so no "internal error".
            message = "error: " + engine.getMessage();
            err.println(message);
            err.println("  hint: " + (engine.hint() != null ? engine.hint()
                    : "check that the engine is reachable and that no other process holds the database"));
        }
        else {
            message = "internal error: " + (exception.getMessage() != null ? exception.getMessage() : exception.getClass().getName());
            err.println(message);
            if (!debug) {
                err.println("run with --debug for the stack trace");
            }
        }
        err.flush();
        String printed = text.toString().strip();
        StringWriter trace = new StringWriter();
        if (debug) {
            exception.printStackTrace(new PrintWriter(trace));
        }
        if (!json) {
            commandLine.getErr().print(text);
            commandLine.getErr().print(trace);
            commandLine.getErr().flush();
        }
        if (reports) {
            // the log file has them too
            command.reporter().encounteredError(printed.isEmpty() ? message : printed);
            if (debug) {
                command.reporter().stackTrace(trace.toString());
            }
            command.reporter().completed(false);
            command.reporter().close();
        }
        return commandLine.getExitCodeExceptionMapper().getExitCode(exception);
    }
}
