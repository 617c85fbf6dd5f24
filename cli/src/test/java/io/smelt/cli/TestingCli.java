package io.smelt.cli;

import io.smelt.adapter.testing.TestingProjects;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** Runs the command line in-process, capturing out and err, as picocli's manual suggests. */
public final class TestingCli {
    private TestingCli() {
    }

    public record Result(int exitCode, String out, String err) {
    }

    /**
     * Writes a project {@code shop} under {@code dir} ({@code extra} appended to its dbt_project.yml)
     * with a profile for the DuckDB file {@code dir/shop.duckdb}; returns the project directory.
     */
    public static Result run(Path workingDirectory, String... args) {
        return run(CliContext.of(workingDirectory), args);
    }

    /** Runs {@code args} in {@code project} with {@code --project-dir project} added at the end. */
    public static Result inProject(Path project, String... args) {
        return run(CliContext.of(project), withProjectDir(project, args));
    }

    /** The same with the process environment {@code environment}. */
    public static Result inProject(Path project, java.util.Map<String, String> environment, String... args) {
        return run(new CliContext(project, environment, false, 80), withProjectDir(project, args));
    }

    /** The names {@code ls --output name} lists with {@code args}, sorted; fails on a non-zero exit code. */
    public static java.util.List<String> lsNames(Path project, Map<String, String> environment, String... args) {
        String[] all = new String[args.length + 3];
        all[0] = "ls";
        System.arraycopy(args, 0, all, 1, args.length);
        all[args.length + 1] = "--output";
        all[args.length + 2] = "name";
        Result result = inProject(project, environment, all);
        if (result.exitCode() != 0) {
            throw new AssertionError("ls " + String.join(" ", args) + " exited " + result.exitCode() + ": " + result.err());
        }
        return result.out().lines().sorted().toList();
    }

    private static String[] withProjectDir(Path project, String[] args) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--project-dir";
        all[args.length + 1] = project.toString();
        return all;
    }

    public static Result run(CliContext context, String... args) {
        // as Main builds it: only the command written first when its words parse, else every command
        CommandLine commandLine = SmeltCommand.forArgs(context, false, args);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out));
        commandLine.setErr(new PrintWriter(err));
        int code = commandLine.execute(args);
        return new Result(code, out.toString(), err.toString());
    }
}
