package io.smelt.adapter.testing;

import io.smelt.compiler.result.Command;
import io.smelt.compiler.exec.Invocation;
import io.smelt.compiler.project.ProjectOptions;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.graph.Selection;
import io.smelt.compiler.workspace.Workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * One {@code run} of a project in a child JVM on the test class path, which the test may kill
 * ({@code SIGKILL}, as {@code kill -9} or an OOM killer would) after a delay: the process is the
 * subject of the kill tests, so it cannot run in the test's own JVM.
 */
public final class TestingChildBuild {
    /** The exit status reported for a child this class killed, as a shell reports {@code kill -9}. */
    public static final int KILLED = 137;

    private TestingChildBuild() {
    }

    /**
     * Runs the project's models with {@code varsYaml} as {@code --vars} and one thread, writing the
     * child's output to {@code log}.
     *
     * @param killAfterMillis kill the child this many milliseconds after it started, unless it has
     *         ended by then; negative to wait for it (up to five minutes)
     * @return the child's exit code (0 when every model succeeded), or {@link #KILLED}
     */
    public static int run(Path project, String varsYaml, long killAfterMillis, Path log) {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), TestingChildBuild.class.getName(), project.toString(), varsYaml);
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (killAfterMillis < 0) {
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly().waitFor(1, TimeUnit.MINUTES);
                    throw new AssertionError("the child build did not end within five minutes; its output is in " + log);
                }
                return process.exitValue();
            }
            if (process.waitFor(killAfterMillis, TimeUnit.MILLISECONDS)) {
                return process.exitValue();
            }
            process.destroyForcibly();
            if (!process.waitFor(1, TimeUnit.MINUTES)) {
                throw new AssertionError("the killed child build is still alive after a minute");
            }
            return KILLED;
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /** The child: {@code <project dir> <vars yaml>}; exits 0 when every model succeeded, else 1. */
    public static void main(String[] args) {
        Path project = Path.of(args[0]);
        ProjectOptions options = new ProjectOptions(project, project, null, null, args[1], 1, new HashMap<>(System.getenv()));
        try (Workspace workspace = Workspace.load(options, RunListener.NONE)) {
            RunSummary summary = workspace.execute(new Invocation(Command.RUN, new Selection(List.of(), List.of(), null), false, false),
                    RunListener.NONE);
            System.exit(summary.success() ? 0 : 1);
        }
    }
}
