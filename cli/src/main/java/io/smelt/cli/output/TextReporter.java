package io.smelt.cli.output;

import io.smelt.adapter.QueryResult;
import io.smelt.compiler.graph.Manifest;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.RunSummary;

import java.io.PrintWriter;
import java.util.List;

/** Lines for people, worded and coloured as dbt's, with a live progress line on a terminal. */
public final class TextReporter implements Reporter {
    private final PrintWriter out;
    private final Palette palette;
    private final boolean debug;
    private final boolean quiet;
    private final ProgressLine progress;
    private Command command;

    /**
     * @param progress redraws a status line at the bottom; null when nobody watches a terminal
     */
    public TextReporter(PrintWriter out, Palette palette, boolean debug, boolean quiet, ProgressLine progress) {
        this.out = out;
        this.palette = palette;
        this.debug = debug;
        this.quiet = quiet;
        this.progress = quiet ? null : progress;
    }

    @Override
    public synchronized void header(String version) {
        info(Reporter.headerLine(version));
    }

    @Override
    public synchronized void loaded(Manifest manifest) {
        if (manifest.adapterType() != null && !manifest.adapterType().isBlank()) {
            info("Registered adapter: " + manifest.adapterType());
        }
        info(RunStats.found(manifest));
        info("");
    }

    @Override
    public synchronized void runStarted(Command command, int total) {
        this.command = command;
        if (progress != null) {
            progress.start(total);
        }
    }

    @Override
    public synchronized void nodeStarted(Node node, int index, int total) {
        if (debug) {
            info(NodeLine.started(node, index, total).render(palette));
        }
        if (progress != null) {
            progress.started(node.name());
            redraw();
        }
    }

    @Override
    public synchronized void nodeFinished(NodeResult result) {
        if (progress != null) {
            progress.finished(result.node().name());
        }
        info(NodeLine.finished(result, command).render(palette));
    }

    @Override
    public synchronized void message(Level level, String text) {
        switch (level) {
            case DEBUG -> {
                if (debug) {
                    print(text);
                }
            }
            case INFO -> info(text);
            case WARN -> print(palette.paint(Tone.WARN, "[WARNING]") + ": " + text);
            case ERROR -> print(palette.paint(Tone.BAD, "[ERROR]") + ": " + text);
        }
    }

    @Override
    public synchronized void summary(RunSummary summary) {
        clearProgress();
        info("");
        info(RunStats.finished(summary));
        info("");
        String completion = RunStats.completion(summary);
        boolean problems = !summary.success() || RunStats.completionTone(summary) == Tone.WARN;
        // with --quiet the failures still show, under their heading
        if (problems) {
            print(palette.paint(RunStats.completionTone(summary), completion));
        }
        else {
            info(palette.paint(Tone.GOOD, completion));
        }
        for (NodeResult result : summary.results()) {
            List<String> lines = FailureReport.lines(result);
            if (!lines.isEmpty()) {
                print("");
                lines.forEach(this::print);
            }
        }
        info("");
        info(RunStats.done(summary));
    }

    @Override
    public synchronized void compiled(String nodeName, String sql) {
        // as dbt: with --quiet the SQL alone, ready to pipe
        if (!quiet) {
            print(nodeName == null ? "Compiled inline node is:" : "Compiled node '" + nodeName + "' is:");
        }
        print(sql.stripTrailing());
    }

    @Override
    public synchronized void preview(String title, QueryResult result) {
        info(title);
        for (String line : Tables.render(result)) {
            print(line);
        }
    }

    @Override
    public synchronized void listed(String line) {
        print(line);
    }

    @Override
    public synchronized void note(String text) {
        info(text);
    }

    @Override
    public synchronized void check(String name, boolean ok, String detail) {
        String word = ok ? palette.paint(Tone.GOOD, "OK") : palette.paint(Tone.BAD, "ERROR");
        String line = "  " + name + " [" + word + (detail == null || detail.isBlank() ? "" : " " + detail) + "]";
        if (ok) {
            info(line);
        }
        else {
            print(line);
        }
    }

    @Override
    public synchronized void encounteredError(String message) {
        clearProgress();
    }

    @Override
    public synchronized void close() {
        clearProgress();
    }

    /** A line that --quiet hides. */
    private void info(String text) {
        if (!quiet) {
            print(text);
        }
    }

    private void print(String text) {
        if (progress != null && progress.visible()) {
            out.print(progress.erase());
            progress.hide();
        }
        out.println(text);
        if (progress != null && progress.active()) {
            out.print(progress.draw());
        }
        out.flush();
    }

    private void redraw() {
        out.print(progress.draw());
        out.flush();
    }

    private void clearProgress() {
        if (progress != null && progress.visible()) {
            out.print(progress.erase());
            progress.hide();
            out.flush();
        }
    }
}
