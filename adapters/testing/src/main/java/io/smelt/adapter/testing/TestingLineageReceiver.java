package io.smelt.adapter.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * An OpenLineage HTTP receiver on loopback: keeps each event posted to {@code /api/v1/lineage} and
 * the Authorization header it came with, and answers with the status it is given.
 */
public final class TestingLineageReceiver implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpServer server;
    private final List<String> bodies = new ArrayList<>();
    private final List<String> authorizations = new ArrayList<>();

    /** @param status what every post is answered with */
    public TestingLineageReceiver(int status) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/api/v1/lineage", exchange -> {
            try (InputStream in = exchange.getRequestBody()) {
                String body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                synchronized (this) {
                    bodies.add(body);
                    authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    /** The URL to give as {@code OPENLINEAGE_URL}. */
    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public synchronized List<String> bodies() {
        return List.copyOf(bodies);
    }

    public synchronized List<String> authorizations() {
        return List.copyOf(authorizations);
    }

    public List<JsonNode> events() {
        return bodies().stream().map(TestingLineageReceiver::parse).toList();
    }

    public static JsonNode parse(String json) {
        try {
            return MAPPER.readTree(json);
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
