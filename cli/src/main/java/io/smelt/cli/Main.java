package io.smelt.cli;

import picocli.CommandLine;

import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.List;

/** The process entry point: runs one command and exits with its code. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        io.smelt.compiler.diag.Phases.done("JVM started");
        CliContext context = CliContext.fromProcess();
        List<String> words = List.of(args);
        boolean colors = !words.contains("--no-color") && !words.contains("--no-use-colors")
                && (context.colorByDefault() || words.contains("--use-colors"));
        Charset charset = Charset.defaultCharset();
        PrintWriter out = new PrintWriter(new java.io.OutputStreamWriter(System.out, charset), true);
        PrintWriter err = new PrintWriter(new java.io.OutputStreamWriter(System.err, charset), true);
        CommandLine commandLine = SmeltCommand.forArgs(context, colors, args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        io.smelt.compiler.diag.Phases.done("command line ready");
        int code = commandLine.execute(args);
        io.smelt.compiler.diag.Phases.done("command done");
        io.smelt.compiler.diag.Phases.recorded().forEach(err::println);
        out.flush();
        err.flush();
        System.exit(code);
    }
}
