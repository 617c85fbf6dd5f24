package io.smelt.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The process entry point, and the same command line for JVM programs: {@link #run} does what
 * {@code smelt <args>} does and returns its exit code instead of exiting (see docs/orchestration.md).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        io.smelt.compiler.diag.Phases.done("JVM started");
        CliContext context = CliContext.fromProcess();
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
        int code = run(context, out, err, args);
        io.smelt.compiler.diag.Phases.recorded().forEach(err::println);
        err.flush();
        System.exit(code);
    }

    /**
     * Runs one command as {@code smelt <args>} would in {@code workingDirectory} with {@code environment}
     * (profiles, {@code env_var()}, {@code DBT_*} variables), printing to {@code out} and {@code err};
     * returns the exit code: 0 success, 1 a node failed, 2 the project, profile or command line is wrong.
     * Never exits the JVM; commands may run one after another in one JVM.
     */
    public static int run(Path workingDirectory, Map<String, String> environment, PrintWriter out, PrintWriter err,
            String... args) {
        return run(new CliContext(workingDirectory.toAbsolutePath(), environment, false, 80), out, err, args);
    }

    private static int run(CliContext context, PrintWriter out, PrintWriter err, String... args) {
        List<String> words = List.of(args);
        boolean colors = !words.contains("--no-color") && !words.contains("--no-use-colors")
                && (context.colorByDefault() || words.contains("--use-colors"));
        CommandLine commandLine = SmeltCommand.forArgs(context, colors, args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        io.smelt.compiler.diag.Phases.done("command line ready");
        int code = commandLine.execute(args);
        io.smelt.compiler.diag.Phases.done("command done");
        out.flush();
        err.flush();
        return code;
    }
}
