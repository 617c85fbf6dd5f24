package io.smelt.cli.report;

import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * GitHub Actions workflow commands for a run's problems: {@code ::error file=...,line=...,title=...::message}
 * for a failed test or a node that errored, {@code ::warning ...} for a test that warned, so that the
 * pull request shows each one at the line that defines it (a generic test's line in schema.yml).
 * Paths are made relative to the repository ({@code GITHUB_WORKSPACE}), which GitHub expects.
 */
public final class Annotations {
    private Annotations() {
    }

    /** One command per failed, errored or warned node, in the order they finished. */
    public static List<String> github(RunSummary summary, Path projectDir, Path repositoryRoot) {
        List<String> lines = new ArrayList<>();
        for (NodeResult result : summary.results()) {
            String level = result.status().isFailure() ? "error" : result.status() == NodeStatus.WARN ? "warning" : null;
            if (level == null) {
                continue;
            }
            StringBuilder line = new StringBuilder("::").append(level).append(' ');
            SourcePosition at = place(result);
            List<String> properties = new ArrayList<>();
            if (at != null && at.file() != null) {
                properties.add("file=" + property(slashes(relativeTo(repositoryRoot, projectDir.resolve(at.file())))));
                if (at.line() > 0) {
                    properties.add("line=" + at.line());
                }
                if (at.column() > 0) {
                    properties.add("col=" + at.column());
                }
            }
            properties.add("title=" + property(title(result)));
            line.append(String.join(",", properties)).append("::").append(data(describe(result)));
            lines.add(line.toString());
        }
        return lines;
    }

    /** Where a result points: the error's place when known, else where the node is defined. */
    static SourcePosition place(NodeResult result) {
        if (result.errorAt() != null && result.errorAt().file() != null) {
            return result.errorAt();
        }
        Node node = result.node();
        if (node.definedAt() != null && node.definedAt().file() != null) {
            return node.definedAt();
        }
        return node.originalFilePath() == null ? null : SourcePosition.of(node.originalFilePath());
    }

    static String title(NodeResult result) {
        String kind = result.node().resourceType().dbtName();
        return switch (result.status()) {
            case FAIL -> kind + " " + result.node().name() + " failed";
            case WARN -> kind + " " + result.node().name() + " warned";
            default -> kind + " " + result.node().name() + " errored";
        };
    }

    static String describe(NodeResult result) {
        String text = switch (result.status()) {
            case FAIL, WARN -> result.failures() + (result.failures() == 1 ? " failing row" : " failing rows");
            default -> result.message();
        };
        return result.compiledPath() == null ? text : text + " (compiled SQL: " + slashes(result.compiledPath()) + ")";
    }

    static String slashes(Path path) {
        return path.toString().replace('\\', '/');
    }

    private static Path relativeTo(Path root, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = root.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute) : absolute;
    }

    /** Escapes a message as GitHub's workflow commands require. */
    private static String data(String text) {
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    /** Escapes a property value (file, title), which also may not hold ':' or ','. */
    private static String property(String text) {
        return data(text).replace(":", "%3A").replace(",", "%2C");
    }
}
