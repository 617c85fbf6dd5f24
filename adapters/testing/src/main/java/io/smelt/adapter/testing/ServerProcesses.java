package io.smelt.adapter.testing;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Starting and stopping the server processes that tests run on loopback. */
final class ServerProcesses {
    static final String LOOPBACK = "127.0.0.1";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(ServerProcesses.class);

    private ServerProcesses() {
    }

    /** A port free on loopback now; another process may take it before the server binds it. */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            return socket.getLocalPort();
        }
        catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port on loopback: " + e.getMessage(), e);
        }
    }

    /** Stops the process by its PID (SIGTERM, then SIGKILL after a minute) and waits for it to exit. */
    static void stop(Process process, String name) {
        ProcessHandle.of(process.pid()).ifPresent(ProcessHandle::destroy);
        try {
            process.onExit().get(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
        catch (TimeoutException e) {
            LOG.warn("{} (pid {}) did not stop within {} s; killing it", name, process.pid(), STOP_TIMEOUT.toSeconds());
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

    /**
     * A shell that stops the server and deletes its work folder if this JVM dies without running its
     * shutdown hooks (kill -9, a crashed fork), so no orphaned server outlives the run.
     */
    static Process startWatchdog(Process server, Path workDirectory, String name) {
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
            stop(server, name);
            throw new UncheckedIOException("cannot start the watchdog of the " + name + ": " + e.getMessage(), e);
        }
    }
}
