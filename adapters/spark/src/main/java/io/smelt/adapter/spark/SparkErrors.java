package io.smelt.adapter.spark;

import io.smelt.adapter.EngineException;

import java.io.IOException;
import java.sql.SQLException;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates the driver's exceptions into {@link EngineException}s that carry Spark's own message
 * and, where Spark gave one, the position in the statement sent.
 *
 * <p>The Thrift server words a failure as {@code Error running query: [ERROR_CLASS]
 * org.apache...ParseException: <message>}, often followed by the statement ({@code == SQL ==}) and a
 * stack trace; only the message is kept, without Java class names. Spark marks positions as {@code
 * (line N, pos M)} or {@code line N pos M}, the position 0-based; the column reported is 1-based.
 */
final class SparkErrors {
    private static final Pattern LOCATION = Pattern.compile("\\(?line (\\d+),? pos (\\d+)\\)?;?");
    private static final Pattern JAVA_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+[A-Z][A-Za-z0-9_$]*(?:Exception|Error)\\b:?\\s*");
    private static final Pattern REPEATED_CLASS = Pattern.compile("^(\\[[A-Z0-9_.]+]) \\1");
    private static final Pattern PREFIX = Pattern.compile("(?s)^.*?Error (?:running|operating \\w+) (?:query|statement)?:?\\s*");

    private SparkErrors() {
    }

    static EngineException translate(SQLException e, String endpoint, UnaryOperator<String> redact) {
        String raw = e.getMessage() == null ? "Spark failed without a message" : e.getMessage();
        String message;
        int line = 0;
        int column = 0;
        if (unreachable(e) && !raw.contains("Error running query")) {
            return new EngineException(redact.apply("cannot reach the Spark Thrift server at " + endpoint + ": " + rootMessage(e)),
                    "start the server, or fix host and port of the target in profiles.yml; scripts/spark-server in Smelt's "
                            + "repository starts a local one with Delta Lake on port 10000", e);
        }
        else {
            message = PREFIX.matcher(raw).replaceFirst("");
            int sql = message.indexOf("\n== SQL");
            if (sql >= 0) {
                message = message.substring(0, sql);
            }
            int trace = message.indexOf("\n\tat ");
            if (trace >= 0) {
                message = message.substring(0, trace);
            }
            // an analysis error ends with ";\n" and the whole logical plan: of no use to the reader
            int plan = message.indexOf(";\n");
            if (plan >= 0) {
                message = message.substring(0, plan);
            }
            Matcher location = LOCATION.matcher(message);
            if (location.find()) {
                line = Integer.parseInt(location.group(1));
                column = Integer.parseInt(location.group(2)) + 1;
                message = message.substring(0, location.start()) + message.substring(location.end());
            }
            message = JAVA_NAME.matcher(message).replaceAll("").replaceAll("\\s*\\n\\s*", " ").strip();
            // the server repeats the error class ("[X] [X] text"), and a removed location leaves a "; "
            message = REPEATED_CLASS.matcher(message).replaceFirst("$1").replaceAll("[;\\s]+$", "");
            if (message.isEmpty()) {
                message = "Spark refused the statement";
            }
        }
        return new EngineException(redact.apply(message), null, line, column, e);
    }

    /** True when the failure is about reaching the server rather than the statement. */
    static boolean unreachable(Throwable e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof IOException || cause.getClass().getSimpleName().equals("TTransportException")) {
                return true;
            }
        }
        String message = e.getMessage();
        return message != null && (message.startsWith("Could not open client transport") || message.contains("Connection refused"));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? "connection failed" : root.getMessage();
        return JAVA_NAME.matcher(message).replaceAll("").strip();
    }
}
