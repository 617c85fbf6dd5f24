package io.smelt.adapter.testing;

import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A real Trino server (version from {@code -Dsmelt.trino.version}, 476 by default) in its own JVM on
 * 127.0.0.1, with an {@code iceberg} catalog on local files and a {@code memory} catalog. One server
 * serves a whole test run: {@link #shared()} starts it on first use and a shutdown hook stops it.
 *
 * <p>{@code -DskipTrino} (passed on as {@code smelt.trino.skip}) skips the tests that ask for the
 * server. A missing JDK or missing artifacts fail them with what is missing.
 */
public final class TestingTrinoServer
        implements Closeable {
    static final String SKIP_PROPERTY = "smelt.trino.skip";
    static final String WORK_DIRECTORY_PROPERTY = "smelt.trino.workDirectory";
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(180);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Pattern STARTED = Pattern.compile("\"starting\"\\s*:\\s*false");
    private static final Pattern PORT_TAKEN = Pattern.compile("Address already in use|BindException");
    private static final int LOG_TAIL_LINES = 60;
    private static final Logger LOG = LoggerFactory.getLogger(TestingTrinoServer.class);

    private static TestingTrinoServer shared;
    private static RuntimeException sharedFailure;

    private final int port;
    private final Path workDirectory;
    private final Process process;
    private final Process watchdog;
    private final Thread shutdownHook;
    private boolean closed;

    private TestingTrinoServer(int port, Path workDirectory, Process process, Process watchdog) {
        this.port = port;
        this.workDirectory = workDirectory;
        this.process = process;
        this.watchdog = watchdog;
        this.shutdownHook = new Thread(this::close, "testing-trino-server-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The server of this test run (JVM), started on the first call; later calls return it at once. */
    public static synchronized TestingTrinoServer shared() {
        // Maven passes an unset -DskipTrino as "" and a bare -DskipTrino as "true"
        if ("true".equalsIgnoreCase(System.getProperty(SKIP_PROPERTY))) {
            Assumptions.abort("Trino tests are skipped: -DskipTrino is set");
        }
        if (sharedFailure != null) {
            throw new IllegalStateException("the Trino test server failed to start earlier in this run: " + sharedFailure.getMessage(), sharedFailure);
        }
        if (shared == null || shared.closed) {
            try {
                shared = start();
            }
            catch (RuntimeException e) {
                sharedFailure = e;
                throw e;
            }
        }
        return shared;
    }

    public String host() {
        return SingleNodeTrinoConfig.LOOPBACK;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:trino://" + host() + ":" + port;
    }

    public String icebergCatalog() {
        return SingleNodeTrinoConfig.ICEBERG_CATALOG;
    }

    public String memoryCatalog() {
        return SingleNodeTrinoConfig.MEMORY_CATALOG;
    }

    /** Stops the server by its PID (SIGTERM, then SIGKILL after a minute) and waits for it to exit. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stop(process);
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

    private static TestingTrinoServer start() {
        Path javaHome = TrinoJavaRuntime.find();
        TrinoDistribution distribution = TrinoDistribution.fromSystemProperties();
        Path server = distribution.install();
        Path workDirectory = createWorkDirectory();
        // The free port is found before Trino binds it; another process may take it in between
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            Path log = workDirectory.resolve("server-" + port + ".log");
            long startNanos = System.nanoTime();
            Process process = launch(server, javaHome, workDirectory, port, log);
            try {
                awaitStarted(process, port, log);
            }
            catch (RuntimeException e) {
                stop(process);
                if (attempt < 3 && PORT_TAKEN.matcher(readQuietly(log)).find()) {
                    continue;
                }
                throw e;
            }
            LOG.info("Trino {} started on {}:{} (pid {}) in {} ms", distribution.version(), SingleNodeTrinoConfig.LOOPBACK, port,
                    process.pid(), (System.nanoTime() - startNanos) / 1_000_000);
            return new TestingTrinoServer(port, workDirectory, process, startWatchdog(process, workDirectory));
        }
    }

    private static Process launch(Path server, Path javaHome, Path workDirectory, int port, Path log) {
        Path run = workDirectory.resolve("port-" + port);
        try {
            SingleNodeTrinoConfig config = new SingleNodeTrinoConfig(port, run.resolve("data"), run.resolve("warehouse"), run.resolve("tmp"));
            config.write(run.resolve("etc"));
            // "launcher run" replaces itself with the server JVM, so the process's PID is the server's
            ProcessBuilder builder = new ProcessBuilder(List.of(
                    server.resolve("bin/launcher").toString(), "run",
                    "--etc-dir", run.resolve("etc").toString(),
                    "--data-dir", config.dataDirectory().toString(),
                    "--jvm-dir", javaHome.toString()))
                    .directory(config.dataDirectory().toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            builder.environment().remove("_JAVA_OPTIONS");
            builder.environment().put("JAVA_HOME", javaHome.toString());
            return builder.start();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot start Trino from " + server + ": " + e.getMessage(), e);
        }
    }

    private static void awaitStarted(Process process, int port, Path log) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + SingleNodeTrinoConfig.LOOPBACK + ":" + port + "/v1/info"))
                .timeout(Duration.ofSeconds(5))
                .build();
        long deadline = System.nanoTime() + STARTUP_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Trino exited with code " + process.exitValue() + " while starting; log "
                        + log + " ends with:\n" + tail(log));
            }
            try {
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200 && STARTED.matcher(response.body()).find()) {
                    return;
                }
            }
            catch (IOException e) {
                // not listening yet
            }
            catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for Trino to start", e);
            }
            sleep(Duration.ofMillis(500));
        }
        throw new IllegalStateException("Trino did not finish starting within " + STARTUP_TIMEOUT.toSeconds() + " s; log "
                + log + " ends with:\n" + tail(log));
    }

    /**
     * A shell that stops the server and deletes its work folder if this JVM dies without running its
     * shutdown hooks (kill -9, a crashed fork), so no orphaned server outlives the run.
     */
    private static Process startWatchdog(Process server, Path workDirectory) {
        String script = "while kill -0 \"$0\" 2>/dev/null; do sleep 2; done; kill \"$1\" 2>/dev/null; "
                + "i=0; while kill -0 \"$1\" 2>/dev/null && [ $i -lt 60 ]; do sleep 1; i=$((i+1)); done; "
                + "kill -9 \"$1\" 2>/dev/null; rm -rf \"$2\"";
        try {
            return new ProcessBuilder("sh", "-c", script,
                    Long.toString(ProcessHandle.current().pid()), Long.toString(server.pid()), workDirectory.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .start();
        }
        catch (IOException e) {
            stop(server);
            throw new UncheckedIOException("cannot start the watchdog of the Trino test server: " + e.getMessage(), e);
        }
    }

    private static void stop(Process process) {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
        try {
            process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        catch (TimeoutException e) {
            LOG.warn("Trino (pid {}) did not stop within {} s; killing it", process.pid(), STOP_TIMEOUT.toSeconds());
            process.destroyForcibly();
            process.onExit().join();
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Path createWorkDirectory() {
        try {
            String configured = System.getProperty(WORK_DIRECTORY_PROPERTY);
            if (configured == null || configured.isBlank()) {
                return Files.createTempDirectory("smelt-trino-");
            }
            Path parent = Files.createDirectories(Path.of(configured));
            return Files.createTempDirectory(parent, "run-");
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot create a work folder for the Trino test server: " + e.getMessage(), e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(SingleNodeTrinoConfig.LOOPBACK))) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on loopback: " + e.getMessage(), e);
        }
    }

    private static String tail(Path log) {
        List<String> lines = readQuietly(log).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size()));
    }

    private static String readQuietly(Path log) {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for Trino to start", e);
        }
    }
}
