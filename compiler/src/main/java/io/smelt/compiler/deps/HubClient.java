package io.smelt.compiler.deps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The dbt Hub's JSON API, as dbt reads it: {@code api/v1/index.json} lists every package
 * ({@code org/name}); {@code api/v1/<org>/<name>.json} holds {@code versions}, each with its
 * project {@code name}, its own {@code packages} and {@code downloads.tarball}. The base URL is
 * dbt's {@code DBT_PACKAGE_HUB_URL}, else hub.getdbt.com.
 */
final class HubClient {
    static final String BASE_URL_VARIABLE = "DBT_PACKAGE_HUB_URL";
    static final String DEFAULT_BASE_URL = "https://hub.getdbt.com/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(30))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    private final Map<String, JsonNode> packages = new HashMap<>();
    private Set<String> index;

    HubClient(Map<String, String> environment) {
        String configured = environment.get(BASE_URL_VARIABLE);
        String base = configured == null || configured.isBlank() ? DEFAULT_BASE_URL : configured.trim();
        this.baseUrl = base.endsWith("/") ? base : base + "/";
    }

    String baseUrl() {
        return baseUrl;
    }

    boolean exists(String id) throws IOException {
        if (index == null) {
            JsonNode list = get(baseUrl + "api/v1/index.json");
            if (!list.isArray()) {
                throw new IOException(baseUrl + "api/v1/index.json is not a JSON list");
            }
            index = new HashSet<>();
            list.forEach(item -> index.add(item.asText()));
        }
        return index.contains(id);
    }

    /** Version text to that version's metadata. */
    Map<String, JsonNode> versions(String id) throws IOException {
        JsonNode pkg = packages.get(id);
        if (pkg == null) {
            pkg = get(baseUrl + "api/v1/" + id + ".json");
            if (!pkg.path("versions").isObject()) {
                throw new IOException(baseUrl + "api/v1/" + id + ".json has no versions");
            }
            packages.put(id, pkg);
        }
        Map<String, JsonNode> versions = new java.util.LinkedHashMap<>();
        pkg.path("versions").fields().forEachRemaining(e -> versions.put(e.getKey(), e.getValue()));
        return versions;
    }

    /** Downloads a URL to a file. */
    void download(String url, Path to) throws IOException {
        HttpResponse<InputStream> response = send(url, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            Files.copy(body, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private JsonNode get(String url) throws IOException {
        HttpResponse<String> response = send(url, HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(response.body());
    }

    private <T> HttpResponse<T> send(String url, HttpResponse.BodyHandler<T> handler) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).GET().build();
        HttpResponse<T> response;
        try {
            response = http.send(request, handler);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while fetching " + url, e);
        }
        catch (IOException e) {
            throw new IOException("cannot fetch " + url + ": " + reason(e), e);
        }
        if (response.statusCode() / 100 != 2) {
            if (response.body() instanceof InputStream in) {
                in.close();
            }
            throw new IOException("GET " + url + " answered HTTP " + response.statusCode());
        }
        return response;
    }

    /** The JDK's client says nothing of a refused connection or an unknown host (a null message): say it. */
    static String reason(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.nio.channels.UnresolvedAddressException || t instanceof java.net.UnknownHostException) {
                return "the host name does not resolve (no network, or a proxy is needed)";
            }
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e instanceof java.net.ConnectException ? "the connection was refused or timed out" : e.getClass().getSimpleName();
    }
}
