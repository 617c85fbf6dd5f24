package io.smelt.adapter.testing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * One test server process on loopback: started on a port with its log in a work folder, stopped by
 * {@link #close()} or a shutdown hook, and by a watchdog should this JVM die without either. What
 * the server runs and how it is known to be ready is the caller's; {@link TestingTrinoServer} and
 * {@link TestingSparkThriftServer} hold one each.
 */
final class ServerProcess implements Closeable {
    private static final Pattern PORT_TAKEN = Pattern.compile("Address already in use|BindException");
    private static final Logger LOG = LoggerFactory.getLogger(ServerProcess.class);

    /** Starts the server process on {@code port}, its output going to {@code log}. */
    interface Launcher {
        Process launch(int port, Path log);
    }

    /** Returns once the server answers; throws, naming the log, when it exits or never answers. */
    interface Readiness {
        void await(Process process, int port, Path log);
    }

    private final String name;
    private final int port;
    private final Path workDirectory;
    private final Process process;
    private final Process watchdog;
    private final Thread shutdownHook;
    private boolean closed;

    private ServerProcess(String name, int port, Path workDirectory, Process process) {
        this.name = name;
        this.port = port;
        this.workDirectory = workDirectory;
        this.process = process;
        this.watchdog = ServerProcesses.startWatchdog(process, workDirectory, name);
        this.shutdownHook = new Thread(this::close, "testing-server-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts a server and waits until it answers.
     *
     * @param name the server's name in messages and logs, such as {@code Trino}
     * @param fixedPort the port, or 0 for a free one; a free port is found before the server binds
     *     it and another process may take it in between, so a start that finds it taken is tried
     *     again, up to three times
     */
    static ServerProcess start(String name, Path workDirectory, int fixedPort, Launcher launcher, Readiness readiness) {
        for (int attempt = 1; ; attempt++) {
            int port = fixedPort == 0 ? ServerProcesses.freePort() : fixedPort;
            Path log = workDirectory.resolve("server-" + port + ".log");
            long startNanos = System.nanoTime();
            Process process = launcher.launch(port, log);
            try {
                readiness.await(process, port, log);
            }
            catch (RuntimeException e) {
                ServerProcesses.stop(process, name);
                if (fixedPort == 0 && attempt < 3 && PORT_TAKEN.matcher(ServerLogs.read(log)).find()) {
                    continue;
                }
                throw e;
            }
            LOG.info("{} started on {}:{} (pid {}) in {} ms", name, ServerProcesses.LOOPBACK, port, process.pid(),
                    (System.nanoTime() - startNanos) / 1_000_000);
            return new ServerProcess(name, port, workDirectory, process);
        }
    }

    /**
     * A new work folder: under the folder the system property {@code property} names (the build's
     * target folder), else a temp folder named {@code prefix...}.
     */
    static Path createWorkDirectory(String property, String prefix, String name) {
        try {
            String configured = System.getProperty(property);
            if (configured == null || configured.isBlank()) {
                return Files.createTempDirectory(prefix);
            }
            Path parent = Files.createDirectories(Path.of(configured));
            return Files.createTempDirectory(parent, "run-");
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create a work folder for the " + name + ": " + e.getMessage(), e);
        }
    }

    /** Waits between polls while a server starts; {@code name} as in "waiting for the Spark server". */
    static void sleep(Duration duration, String name) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + name + " to start", e);
        }
    }

    int port() {
        return port;
    }

    Path workDirectory() {
        return workDirectory;
    }

    synchronized boolean closed() {
        return closed;
    }

    /** Stops the server by its PID (SIGTERM, then SIGKILL after a minute), waits for it to exit and deletes the work folder. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        ServerProcesses.stop(process, name);
        watchdog.destroyForcibly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        }
        catch (IllegalStateException e) {
            // already shutting down: this is the hook
        }
        try {
            TrinoDistribution.deleteRecursively(workDirectory);
        }
        catch (IOException e) {
            LOG.warn("cannot delete {}: {}", workDirectory, e.getMessage());
        }
    }
}
