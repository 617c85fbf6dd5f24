package io.smelt.cli.output;

import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What dbt prints for each error, failure and warning after {@code Completed with ...}: the node,
 * the message, the rows a test found (and where it stored them) and where its compiled SQL is.
 */
public final class FailureReport {
    private static final Pattern HEADED = Pattern.compile("[A-Z][A-Za-z]* Error in ");

    private FailureReport() {
    }

    /** The block for one result, or nothing when it succeeded, passed or was skipped. */
    public static List<String> lines(NodeResult result) {
        Node node = result.node();
        List<String> lines = new ArrayList<>();
        if (node.resourceType() == ResourceType.SOURCE && (result.status() == NodeStatus.WARN
                || (result.status() == NodeStatus.ERROR && result.errorKind() == null))) {
            // source freshness: the source is older than warn_after or error_after
            lines.add((result.status() == NodeStatus.WARN ? "Warning in " : "Stale ") + what(node));
            lines.add(indent(result.message()));
            return lines;
        }
        switch (result.status()) {
            case FAIL -> {
                lines.add("Failure in " + what(node));
                if (node.resourceType() == ResourceType.UNIT_TEST) {
                    // the message is the row diff, after the FAIL count line
                    String message = result.message().strip();
                    int newline = message.indexOf('\n');
                    lines.add(indent(newline < 0 ? message : message.substring(newline + 1)));
                }
                else {
                    lines.add("  " + got(result.failures()) + ", configured to fail if " + node.config().string("error_if", "!= 0"));
                    addMessage(lines, result, true);
                    addStoredFailures(lines, result);
                }
            }
            case WARN -> {
                lines.add("Warning in " + what(node));
                lines.add("  " + got(result.failures()) + ", configured to warn if " + node.config().string("warn_if", "!= 0"));
                addMessage(lines, result, true);
                addStoredFailures(lines, result);
            }
            case ERROR -> {
                String message = result.message().isBlank() ? "(no message)" : result.message().strip();
                String at = result.errorAt() != null ? result.errorAt() + ": " : "";
                if (HEADED.matcher(message).lookingAt()) {
                    // the engine side already wrote dbt's heading ("Runtime Error in model x (path)")
                    lines.addAll(message.lines().toList());
                    if (!at.isEmpty()) {
                        lines.add("  at " + result.errorAt());
                    }
                }
                else {
                    lines.add((result.errorKind() == io.smelt.compiler.diag.ErrorKind.SQL ? "SQL check error in " : "Runtime Error in ") + what(node));
                    lines.add(indent(at + message));
                }
            }
            default -> {
                return List.of();
            }
        }
        if (result.compiledPath() != null) {
            lines.add("");
            lines.add("  compiled code at " + result.compiledPath());
        }
        return lines;
    }

    /** {@code test not_null_x_id (models/schema.yml)}, {@code source raw.orders (models/sources.yml)}. */
    static String what(Node node) {
        String type = node.resourceType() == ResourceType.TEST ? "test" : node.resourceType().dbtName();
        if (node.resourceType() == ResourceType.SOURCE && node.sourceName() != null) {
            return type + " " + node.sourceName() + "." + node.name() + (node.originalFilePath() != null ? " (" + node.originalFilePath() + ")" : "");
        }
        String where = node.originalFilePath() != null ? " (" + node.originalFilePath() + ")" : "";
        return type + " " + node.name() + where;
    }

    private static void addMessage(List<String> lines, NodeResult result, boolean skipGot) {
        String message = result.message().strip();
        if (message.isEmpty() || (skipGot && message.startsWith("Got ")) || message.matches("(?i)(fail|warn)( \\d+)?")) {
            return;
        }
        lines.add(indent(message));
    }

    /** Where a data test stored its failing rows (store_failures), as dbt points at them. */
    private static void addStoredFailures(List<String> lines, NodeResult result) {
        if (result.node().resourceType() == ResourceType.TEST && result.relationName() != null) {
            lines.add("");
            lines.add("  See test failures:");
            lines.add("  select * from " + result.relationName());
        }
    }

    private static String got(long rows) {
        return "Got " + RunStats.count(rows, "result");
    }

    private static String indent(String text) {
        return "  " + text.strip().replace("\n", "\n  ");
    }
}
