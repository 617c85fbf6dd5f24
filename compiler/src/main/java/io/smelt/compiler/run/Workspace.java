package io.smelt.compiler.run;

import io.smelt.adapter.QueryResult;
import io.smelt.compiler.graph.Manifest;
import io.smelt.compiler.graph.Node;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A loaded project: its manifest, its target's adapter and the commands that act on them. The one
 * entry point the CLI uses.
 */
public final class Workspace implements AutoCloseable {
    private Workspace() {
    }

    /**
     * Loads dbt_project.yml and the profile, parses every file and links the graph.
     *
     * @throws io.smelt.compiler.diag.SmeltException when the project or profile is wrong
     */
    public static Workspace load(ProjectOptions options, RunListener listener) {
        throw new UnsupportedOperationException("Workspace.load is being built");
    }

    /** Checks the project, the profile and the connection, reporting each. Never throws for bad input. */
    public static DebugReport debug(ProjectOptions options) {
        throw new UnsupportedOperationException("Workspace.debug is being built");
    }

    /** Deletes the project's clean-targets; returns what was deleted. */
    public static List<Path> clean(ProjectOptions options) {
        throw new UnsupportedOperationException("Workspace.clean is being built");
    }

    public Manifest manifest() {
        throw new UnsupportedOperationException();
    }

    public Path projectDir() {
        throw new UnsupportedOperationException();
    }

    public Path targetPath() {
        throw new UnsupportedOperationException();
    }

    /** The nodes a selection picks, in DAG order. */
    public List<Node> select(Selection selection) {
        throw new UnsupportedOperationException();
    }

    /** Runs parse, compile, run, seed, test or build over the selection. */
    public RunSummary execute(Invocation invocation, RunListener listener) {
        throw new UnsupportedOperationException();
    }

    /** Previews rows of one selected model, or of an inline query when {@code inlineSql} is set. */
    public QueryResult show(Selection selection, String inlineSql, int limit, RunListener listener) {
        throw new UnsupportedOperationException();
    }

    /** Calls a macro with arguments, as {@code run-operation}; returns its return value or output. */
    public Object runOperation(String macroName, Map<String, Object> args, RunListener listener) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void close() {
    }
}
