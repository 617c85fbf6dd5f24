package io.smelt.adapter.trino;

import io.smelt.adapter.EngineException;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the driver's exceptions into {@link EngineException}s that carry Trino's own message,
 * its query id and, where Trino marked one, the 1-based line and column in the statement sent.
 *
 * <p>The driver words a refused query as {@code Query failed (#<query id>): <message>}, and Trino
 * starts the message with {@code line <n>:<m>: } when it knows the position (parse and analysis
 * errors). Trino counts positions in the text it was sent, so they need no shifting. A statement
 * that never reached the server fails with the driver's {@code Error executing query: <cause>},
 * which becomes "cannot reach Trino at ...".
 */
final class TrinoErrors {
    private static final Pattern FAILED = Pattern.compile("(?s)^Query failed \\(#([^)]+)\\):\\s*(.*)$");
    private static final Pattern LOCATION = Pattern.compile("(?s)^line (\\d+):(\\d+):\\s*(.*)$");
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");

    private TrinoErrors() {
    }

    /**
     * @param endpoint the server's address, for messages about reaching it
     * @param redact masks the secret values in a message
     */
    static EngineException translate(SQLException e, String endpoint, UnaryOperator<String> redact) {
        String raw = e.getMessage() == null ? "Trino failed without a message" : e.getMessage();
        String queryId = null;
        int line = 0;
        int column = 0;
        String message;
        Matcher failed = FAILED.matcher(raw);
        if (failed.matches()) {
            queryId = failed.group(1);
            message = failed.group(2);
            Matcher location = LOCATION.matcher(message);
            if (location.matches()) {
                line = Integer.parseInt(location.group(1));
                column = Integer.parseInt(location.group(2));
                message = location.group(3);
            }
        }
        else if (unreachable(e)) {
            message = "cannot reach Trino at " + endpoint + ": " + rootMessage(e);
        }
        else {
            message = raw;
        }
        message = redact.apply(JAVA_NAME.matcher(message).replaceAll("").strip());
        return new EngineException(message, queryId, line, column, e);
    }

    /** True when the statement never reached the server, so running it again cannot run it twice. */
    static boolean refusedConnection(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException || cause instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreachable(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
