package io.smelt.adapter.testing;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
    private static final Pattern STARTED = Pattern.compile("\"starting\"\\s*:\\s*false");

    private static final SharedServer<TestingTrinoServer> SHARED = new SharedServer<>(
            "Trino", SKIP_PROPERTY, "-DskipTrino", TestingTrinoServer::start, server -> server.process.closed());

    private final ServerProcess process;

    private TestingTrinoServer(ServerProcess process) {
        this.process = process;
    }

    /** The server of this test run (JVM), started on the first call; later calls return it at once. */
    public static TestingTrinoServer shared() {
        return SHARED.get();
    }

    public String host() {
        return SingleNodeTrinoConfig.LOOPBACK;
    }

    public int port() {
        return process.port();
    }

    public String jdbcUrl() {
        return "jdbc:trino://" + host() + ":" + port();
    }

    public String icebergCatalog() {
        return SingleNodeTrinoConfig.ICEBERG_CATALOG;
    }

    public String memoryCatalog() {
        return SingleNodeTrinoConfig.MEMORY_CATALOG;
    }

    /** Stops the server by its PID (SIGTERM, then SIGKILL after a minute) and waits for it to exit. */
    @Override
    public void close() {
        process.close();
    }

    private static TestingTrinoServer start() {
        Path javaHome = ServerJavaRuntime.findHome("SMELT_TRINO_JAVA_HOME", "Trino test server", 24, 25);
        TrinoDistribution distribution = TrinoDistribution.fromSystemProperties();
        Path server = distribution.install();
        Path workDirectory = ServerProcess.createWorkDirectory(WORK_DIRECTORY_PROPERTY, "smelt-trino-", "Trino test server");
        return new TestingTrinoServer(ServerProcess.start("Trino " + distribution.version(), workDirectory, 0,
                (port, log) -> launch(server, javaHome, workDirectory, port, log), TestingTrinoServer::awaitStarted));
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
                        + log + " ends with:\n" + ServerLogs.tail(log));
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
            ServerProcess.sleep(Duration.ofMillis(500), "Trino");
        }
        throw new IllegalStateException("Trino did not finish starting within " + STARTUP_TIMEOUT.toSeconds() + " s; log "
                + log + " ends with:\n" + ServerLogs.tail(log));
    }
}
