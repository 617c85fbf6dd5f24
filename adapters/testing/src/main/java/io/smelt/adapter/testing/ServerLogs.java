package io.smelt.adapter.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads the log of a child process for an error message. */
final class ServerLogs {
    private static final int TAIL_LINES = 60;

    private ServerLogs() {
    }

    /** The last lines of the log, or why it cannot be read. */
    static String tail(Path log) {
        List<String> lines = read(log).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
    }

    static String read(Path log) {
        try {
            return new String(Files.readAllBytes(log), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            return "(cannot read " + log + ": " + e.getMessage() + ")";
        }
    }
}
