package io.smelt.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** Runs the command line in-process, capturing out and err, as picocli's manual suggests. */
public final class TestingCli {
    private TestingCli() {
    }

    public record Result(int exitCode, String out, String err) {
    }

    public static Result run(Path workingDirectory, String... args) {
        return run(CliContext.of(workingDirectory), args);
    }

    public static Result run(CliContext context, String... args) {
        CommandLine commandLine = SmeltCommand.newCommandLine(context, false);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
