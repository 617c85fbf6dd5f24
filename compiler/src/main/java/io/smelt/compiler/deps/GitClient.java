package io.smelt.compiler.deps;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The {@code git} binary, run as a child process: clone a repository at a revision and read the commit. */
final class GitClient {
    private static final long TIMEOUT_MINUTES = 10;

    /**
     * Clones {@code url} into {@code into} and checks out {@code revision} (a branch, tag or commit;
     * null for the default branch).
     *
     * @return the commit checked out
     */
    String checkout(String url, String revision, Path into) throws IOException {
        if (revision == null) {
            run(null, "clone", "--quiet", "--depth", "1", url, into.toString());
        }
        else {
            try {
                // a branch or tag clones shallow; a commit needs the whole history
                run(null, "clone", "--quiet", "--depth", "1", "--branch", revision, url, into.toString());
            }
            catch (IOException shallow) {
                DepsFiles.delete(into);
                run(null, "clone", "--quiet", url, into.toString());
                run(into, "-c", "advice.detachedHead=false", "checkout", "--quiet", revision);
            }
        }
        return run(into, "rev-parse", "HEAD").trim();
    }

    private String run(Path directory, String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("git");
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().put("LC_ALL", "C");
        // never wait for a password on a terminal nobody watches
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        Process process;
        try {
            process = builder.start();
        }
        catch (IOException e) {
            throw new IOException("cannot run git (is it installed and on PATH?): " + e.getMessage(), e);
        }
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IOException("git " + String.join(" ", args) + " did not finish in " + TIMEOUT_MINUTES + " minutes");
            }
        }
        catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while running git", e);
        }
        if (process.exitValue() != 0) {
            throw new IOException("git " + String.join(" ", args) + " failed (exit " + process.exitValue() + "): " + output.trim());
        }
        return output;
    }
}
