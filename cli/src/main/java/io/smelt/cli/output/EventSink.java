package io.smelt.cli.output;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where event lines go, in one of dbt's line formats, with the values of {@code DBT_ENV_SECRET*}
 * variables replaced by {@code *****}, as dbt scrubs every line it logs.
 */
final class EventSink {
    /** dbt's {@code --log-format} / {@code --log-format-file} values. */
    enum Format { JSON, TEXT, DEBUG }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter CLOCK_MICROS = DateTimeFormatter.ofPattern("HH:mm:ss.SSSSSS");
    private static final String RULE = "=".repeat(30);

    private final Format format;
    private final List<String> secrets;
    private final PrintWriter console;
    private final Path file;
    private PrintWriter out;

    private EventSink(PrintWriter console, Path file, Map<String, String> environment, Format format) {
        this.console = console;
        this.file = file;
        this.out = console;
        this.format = format;
        this.secrets = environment.entrySet().stream()
                .filter(e -> e.getKey().startsWith("DBT_ENV_SECRET") && !e.getValue().isBlank())
                .map(Map.Entry::getValue)
                .toList();
    }

    static EventSink console(PrintWriter out, Map<String, String> environment) {
        return new EventSink(out, null, environment, Format.JSON);
    }

    /** Appends to {@code file} (its folders are created), opened again if written after {@link #close}. */
    static EventSink file(Path file, Map<String, String> environment, Format format) {
        return new EventSink(null, file, environment, format);
    }

    void write(JsonNode event) {
        String line = switch (format) {
            case JSON -> EventLine.json(event);
            case TEXT -> text(event);
            case DEBUG -> debug(event);
        };
        for (String secret : secrets) {
            line = line.replace(secret, "*****");
        }
        PrintWriter writer = writer();
        writer.println(line);
        writer.flush();
    }

    void close() {
        if (file == null) {
            console.flush();
        }
        else if (out != null) {
            out.close();
            out = null;
        }
    }

    private PrintWriter writer() {
        if (out == null) {
            try {
                Files.createDirectories(file.toAbsolutePath().getParent());
                out = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                        StandardOpenOption.APPEND));
            }
            catch (IOException e) {
                throw new UncheckedIOException("cannot write the log file " + file + ": " + e.getMessage(), e);
            }
        }
        return out;
    }

    /** dbt's {@code text} lines: {@code 16:04:35  msg}, UTC; the command's own output as it is. */
    private static String text(JsonNode event) {
        String msg = event.path("info").path("msg").asText();
        if (JsonReporter.isPrinted(event.path("info").path("name").asText())) {
            return msg;
        }
        return CLOCK.format(LocalDateTime.now(ZoneOffset.UTC)) + "  " + msg;
    }

    /**
     * dbt's {@code debug} lines, its log file's default: {@code 16:04:35.218223 [info ] [Thread-1  ]: msg}
     * in local time, each invocation opened by a rule with its id.
     */
    private static String debug(JsonNode event) {
        JsonNode info = event.path("info");
        String clock = CLOCK_MICROS.format(LocalDateTime.ofInstant(Instant.parse(info.path("ts").asText()), ZoneId.systemDefault()));
        String thread = info.path("thread").asText();
        thread = thread.length() > 10 ? thread.substring(0, 10) : thread;
        String line = String.format(Locale.ROOT, "%s [%-5s] [%-10s]: %s", clock, info.path("level").asText(), thread,
                info.path("msg").asText());
        if (info.path("name").asText().equals("MainReportVersion")) {
            return "\n\n" + RULE + " " + clock + " | " + info.path("invocation_id").asText() + " " + RULE + "\n" + line;
        }
        return line;
    }
}
