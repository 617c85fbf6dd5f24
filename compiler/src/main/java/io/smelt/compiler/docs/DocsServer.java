package io.smelt.compiler.docs;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Serves a folder (the target folder with the docs site) over HTTP, read-only, as dbt's
 * {@code docs serve} does; GET and HEAD only, and nothing outside the folder.
 */
public final class DocsServer implements AutoCloseable {
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json", "png", "image/png", "svg", "image/svg+xml", "sql", "text/plain; charset=utf-8");

    private final HttpServer server;
    private final Path root;

    private DocsServer(HttpServer server, Path root) {
        this.server = server;
        this.root = root;
    }

    /**
     * Starts serving {@code root} on {@code host:port} (port 0: any free one).
     *
     * @throws SmeltException when the port is taken or the host is not this machine's
     */
    public static DocsServer start(Path root, String host, int port) {
        Path folder = root.toAbsolutePath().normalize();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(host, port), 0);
        }
        catch (BindException e) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, "cannot serve on " + host + ":" + port + ": " + e.getMessage(),
                    "the port is taken or the address is not this machine's; choose another with --port (or --host)");
        }
        catch (IOException e) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, "cannot serve on " + host + ":" + port + ": " + e.getMessage(), null);
        }
        DocsServer docs = new DocsServer(server, folder);
        server.createContext("/", docs::handle);
        server.start();
        return docs;
    }

    public URI uri() {
        InetSocketAddress address = server.getAddress();
        String host = address.getAddress().getHostAddress();
        return URI.create("http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + address.getPort() + "/");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            if (!method.equals("GET") && !method.equals("HEAD")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            String path = URLDecoder.decode(exchange.getRequestURI().getRawPath(), StandardCharsets.UTF_8);
            Path file = root.resolve(path.substring(1)).normalize();
            if (Files.isDirectory(file)) {
                file = file.resolve("index.html");
            }
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                return;
            }
            String name = file.getFileName().toString();
            String extension = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            exchange.getResponseHeaders().set("Content-Type", TYPES.getOrDefault(extension, "application/octet-stream"));
            exchange.getResponseHeaders().set("Cache-Control", "no-cache");
            if (method.equals("HEAD")) {
                exchange.sendResponseHeaders(200, -1);
                return;
            }
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream body = exchange.getResponseBody()) {
                Files.copy(file, body);
            }
        }
    }

    /** Stops at once; requests under way are cut. */
    @Override
    public void close() {
        server.stop(0);
    }
}
