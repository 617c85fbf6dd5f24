package io.smelt.compiler.openlineage;

import com.fasterxml.jackson.core.type.TypeReference;
import io.openlineage.client.Clients;
import io.openlineage.client.OpenLineage;
import io.openlineage.client.OpenLineageClient;
import io.openlineage.client.OpenLineageClientUtils;
import io.openlineage.client.OpenLineageConfig;
import io.openlineage.client.transports.ApiKeyTokenProvider;
import io.openlineage.client.transports.HttpConfig;
import io.openlineage.client.transports.HttpTransport;

import java.net.URI;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * Sends events in order on one background thread, so a slow receiver never slows the nodes. A
 * failure to send never fails the run: the first one is reported as a warning, later ones are
 * counted and told once at the end.
 */
final class EventSender implements AutoCloseable {
    /** How long the end of a run waits for events still queued (a receiver that hangs holds each for the client's 5 s timeout). */
    private static final long DRAIN_SECONDS = 15;

    private final OpenLineageClient client;
    private final String destination;
    private final Consumer<String> warn;
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "smelt-openlineage");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean warned = new AtomicBoolean();

    private EventSender(OpenLineageClient client, String destination, Consumer<String> warn) {
        this.client = client;
        this.destination = destination;
        this.warn = warn;
    }

    /** A sender to where the settings say, or null (after a warning) when that configuration cannot be used. */
    static EventSender open(OpenLineageSettings settings, Consumer<String> warn) {
        try {
            return new EventSender(client(settings), settings.destination(), warn);
        }
        catch (RuntimeException e) {
            warn.accept("OpenLineage: cannot use the configuration in " + settings.destination() + " (" + e.getMessage()
                    + "); no lineage events are sent");
            return null;
        }
    }

    private static OpenLineageClient client(OpenLineageSettings settings) {
        if (settings.configFile() != null) {
            OpenLineageConfig<?> config = OpenLineageClientUtils.loadOpenLineageConfigYaml(() -> List.of(settings.configFile()),
                    new TypeReference<OpenLineageConfig<?>>() {});
            if (config.getTransportConfig() != null || settings.url() == null) {
                return Clients.newClient(config);
            }
        }
        HttpConfig http = new HttpConfig();
        http.setUrl(URI.create(settings.url()));
        http.setEndpoint(settings.endpoint() == null ? "api/v1/lineage" : settings.endpoint());
        if (settings.apiKey() != null) {
            ApiKeyTokenProvider auth = new ApiKeyTokenProvider();
            auth.setApiKey(settings.apiKey());
            http.setAuth(auth);
        }
        return OpenLineageClient.builder().transport(new HttpTransport(http)).build();
    }

    void send(OpenLineage.RunEvent event) {
        thread.execute(() -> {
            try {
                client.emit(event);
            }
            catch (RuntimeException e) {
                if (warned.compareAndSet(false, true)) {
                    warn.accept("OpenLineage: could not send an event to " + destination + " (" + e.getMessage()
                            + "); the run goes on, and later events are still tried");
                }
            }
        });
    }

    /** Waits a while for queued events, then closes the client; says how many events were not sent. */
    @Override
    public void close() {
        thread.shutdown();
        boolean drained;
        try {
            drained = thread.awaitTermination(DRAIN_SECONDS, TimeUnit.SECONDS);
        }
        catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            drained = false;
        }
        int dropped = drained ? 0 : thread.shutdownNow().size();
        if (dropped > 0) {
            warn.accept("OpenLineage: " + dropped + " event" + (dropped == 1 ? "" : "s") + " still waiting for " + destination
                    + " after " + DRAIN_SECONDS + " s were not sent");
        }
        try {
            client.close();
        }
        catch (Exception e) {
            warn.accept("OpenLineage: closing the transport to " + destination + " failed: " + e.getMessage());
        }
    }
}
