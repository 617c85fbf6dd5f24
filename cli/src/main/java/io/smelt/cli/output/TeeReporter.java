package io.smelt.cli.output;

import io.smelt.adapter.QueryResult;
import io.smelt.compiler.graph.Manifest;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.RunSummary;

/** Tells two reporters everything: the console's, and the log file's. */
final class TeeReporter implements Reporter {
    private final Reporter console;
    private final Reporter file;

    TeeReporter(Reporter console, Reporter file) {
        this.console = console;
        this.file = file;
    }

    @Override
    public String invocationId() {
        return file.invocationId();
    }

    @Override
    public void header(String version) {
        console.header(version);
        file.header(version);
    }

    @Override
    public void loaded(Manifest manifest) {
        console.loaded(manifest);
        file.loaded(manifest);
    }

    @Override
    public void target(String name, int threads) {
        console.target(name, threads);
        file.target(name, threads);
    }

    @Override
    public void runStarted(Command command, int total) {
        console.runStarted(command, total);
        file.runStarted(command, total);
    }

    @Override
    public void hooksStarted(String kind, int count) {
        console.hooksStarted(kind, count);
        file.hooksStarted(kind, count);
    }

    @Override
    public void hookStarted(Node hook, int index, int total) {
        console.hookStarted(hook, index, total);
        file.hookStarted(hook, index, total);
    }

    @Override
    public void hookFinished(NodeResult result) {
        console.hookFinished(result);
        file.hookFinished(result);
    }

    @Override
    public void nodeStarted(Node node, int index, int total) {
        console.nodeStarted(node, index, total);
        file.nodeStarted(node, index, total);
    }

    @Override
    public void nodeFinished(NodeResult result) {
        console.nodeFinished(result);
        file.nodeFinished(result);
    }

    @Override
    public void message(Level level, String text) {
        console.message(level, text);
        file.message(level, text);
    }

    @Override
    public void runFinished(RunSummary summary) {
        console.runFinished(summary);
        file.runFinished(summary);
    }

    @Override
    public void summary(RunSummary summary) {
        console.summary(summary);
        file.summary(summary);
    }

    @Override
    public void compiled(String nodeName, String sql) {
        console.compiled(nodeName, sql);
        file.compiled(nodeName, sql);
    }

    @Override
    public void preview(String title, QueryResult result) {
        console.preview(title, result);
        file.preview(title, result);
    }

    @Override
    public void listed(String line) {
        console.listed(line);
        file.listed(line);
    }

    @Override
    public void note(String text) {
        console.note(text);
        file.note(text);
    }

    @Override
    public void check(String name, boolean ok, String detail) {
        console.check(name, ok, detail);
        file.check(name, ok, detail);
    }

    @Override
    public void encounteredError(String message) {
        console.encounteredError(message);
        file.encounteredError(message);
    }

    @Override
    public void stackTrace(String trace) {
        console.stackTrace(trace);
        file.stackTrace(trace);
    }

    @Override
    public void completed(boolean success) {
        console.completed(success);
        file.completed(success);
    }

    @Override
    public void close() {
        console.close();
        file.close();
    }
}
