package io.smelt.cli.output;

import java.io.PrintWriter;
import java.util.List;
import java.util.Map;

/**
 * Where event lines go, with the values of {@code DBT_ENV_SECRET*} variables replaced by
 * {@code *****}, as dbt scrubs every line it logs.
 */
final class EventSink {
    private final PrintWriter out;
    private final List<String> secrets;

    EventSink(PrintWriter out, Map<String, String> environment) {
        this.out = out;
        this.secrets = environment.entrySet().stream()
                .filter(e -> e.getKey().startsWith("DBT_ENV_SECRET") && !e.getValue().isBlank())
                .map(Map.Entry::getValue)
                .toList();
    }

    void write(String line) {
        String scrubbed = line;
        for (String secret : secrets) {
            scrubbed = scrubbed.replace(secret, "*****");
        }
        out.println(scrubbed);
        out.flush();
    }

    void flush() {
        out.flush();
    }
}
