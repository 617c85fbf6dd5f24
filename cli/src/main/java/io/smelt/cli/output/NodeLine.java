package io.smelt.cli.output;

import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;

import java.time.Duration;
import java.util.Locale;

/**
 * One node's line, worded as dbt words it: {@code 3 of 12 OK created sql table model main.x ....
 * [OK in 0.21s]}.
 *
 * @param keyword the coloured first words ({@code OK created}, {@code FAIL 3}, {@code START})
 * @param subject what the node is ({@code sql table model main.x}, a test's name)
 * @param status the bracketed word ({@code OK}, {@code INSERT 3000}, {@code FAIL 3}, {@code RUN})
 * @param elapsed shown as {@code in 0.21s}, or null
 */
public record NodeLine(int index, int total, String keyword, Tone tone, String subject, String status, Duration elapsed) {
    /** dbt pads lines with dots to this width before the status. */
    static final int WIDTH = 80;

    public static NodeLine started(Node node, int index, int total) {
        String subject = node.resourceType() == ResourceType.TEST ? "test " + node.name()
                : node.resourceType() == ResourceType.SOURCE ? freshnessOf(node) : describe(node, null);
        return new NodeLine(index, total, "START", Tone.PLAIN, subject, "RUN", null);
    }

    public static NodeLine finished(NodeResult result) {
        return finished(result, null);
    }

    /** @param command the command the node ran in, or null when unknown */
    public static NodeLine finished(NodeResult result, Command command) {
        Node node = result.node();
        ResourceType type = node.resourceType();
        String relation = relation(node, result.relationName());
        Duration elapsed = result.elapsed();
        if (command == Command.CLONE && result.status() == NodeStatus.SUCCESS) {
            return new NodeLine(result.index(), result.total(), "OK cloned", Tone.GOOD, describe(node, relation), result.message(), elapsed);
        }
        if (type == ResourceType.SOURCE) {
            return freshness(result);
        }
        return switch (result.status()) {
            case SUCCESS -> switch (type) {
                case TEST -> new NodeLine(result.index(), result.total(), "PASS", Tone.GOOD, node.name(), "PASS", elapsed);
                case SEED -> new NodeLine(result.index(), result.total(), "OK loaded", Tone.GOOD, "seed file " + relation,
                        response(result, "INSERT"), elapsed);
                case SNAPSHOT -> new NodeLine(result.index(), result.total(), "OK snapshotted", Tone.GOOD, relation,
                        response(result, "OK"), elapsed);
                case MODEL -> new NodeLine(result.index(), result.total(), "OK created", Tone.GOOD, describe(node, relation),
                        response(result, "OK"), elapsed);
                default -> new NodeLine(result.index(), result.total(), "OK", Tone.GOOD, describe(node, relation),
                        response(result, "OK"), elapsed);
            };
            case PASS -> new NodeLine(result.index(), result.total(), "PASS", Tone.GOOD, node.name(), "PASS", elapsed);
            case FAIL -> new NodeLine(result.index(), result.total(), "FAIL " + result.failures(), Tone.BAD, node.name(),
                    "FAIL " + result.failures(), elapsed);
            case WARN -> new NodeLine(result.index(), result.total(), "WARN " + result.failures(), Tone.WARN, node.name(),
                    "WARN " + result.failures(), elapsed);
            case ERROR -> new NodeLine(result.index(), result.total(),
                    result.errorKind() == io.smelt.compiler.diag.ErrorKind.SQL ? "ERROR (SQL check) in" : errorVerb(type), Tone.BAD,
                    type == ResourceType.TEST ? node.name() : describe(node, relation), "ERROR", elapsed);
            case SKIPPED -> new NodeLine(result.index(), result.total(), "SKIP", Tone.WARN, skipSubject(result, relation),
                    "SKIP", null);
        };
    }

    /**
     * dbt's {@code source freshness} lines: {@code PASS}, {@code WARN}, {@code ERROR STALE} (older than
     * error_after) or {@code ERROR} (the check itself failed, which carries an error kind).
     */
    private static NodeLine freshness(NodeResult result) {
        String word = switch (result.status()) {
            case PASS, SUCCESS -> "PASS";
            case WARN -> "WARN";
            case SKIPPED -> "SKIP";
            default -> result.errorKind() == null ? "ERROR STALE" : "ERROR";
        };
        Tone tone = word.equals("PASS") ? Tone.GOOD : word.equals("WARN") || word.equals("SKIP") ? Tone.WARN : Tone.BAD;
        return new NodeLine(result.index(), result.total(), word, tone, freshnessOf(result.node()), word, result.elapsed());
    }

    private static String freshnessOf(Node node) {
        return "freshness of " + node.sourceName() + "." + node.name();
    }

    /** The line without colours. */
    public String plain() {
        return render(Palette.OFF);
    }

    public String render(Palette palette) {
        String head = index > 0 ? index + " of " + total + " " : "";
        String body = keyword + (subject.isEmpty() ? "" : " " + subject) + " ";
        StringBuilder line = new StringBuilder(head).append(palette.paint(tone, keyword));
        if (!subject.isEmpty()) {
            line.append(' ').append(subject);
        }
        line.append(' ');
        for (int used = head.length() + body.length(); used < WIDTH; used++) {
            line.append('.');
        }
        line.append(" [").append(palette.paint(tone, status));
        if (elapsed != null) {
            line.append(" in ").append(seconds(elapsed)).append('s');
        }
        return line.append(']').toString();
    }

    /** {@code sql table model main.x}, {@code seed file main.raw}, {@code snapshot main.snap}. */
    static String describe(Node node, String relation) {
        String where = relation != null ? relation : relation(node, null);
        return switch (node.resourceType()) {
            case MODEL -> "sql " + node.materialized() + " model " + where;
            case SEED -> "seed file " + where;
            case SNAPSHOT -> "snapshot " + where;
            default -> node.resourceType().dbtName() + " " + node.name();
        };
    }

    /** {@code schema.alias}, as dbt prints relations in these lines; the engine's rendering only when no schema is known. */
    static String relation(Node node, String relationName) {
        String identifier = node.alias() != null ? node.alias() : node.name();
        if (node.schema() != null) {
            return node.schema() + "." + identifier;
        }
        return relationName != null && !relationName.isBlank() ? relationName : identifier;
    }

    static String seconds(Duration elapsed) {
        return String.format(Locale.ROOT, "%.2f", elapsed.toNanos() / 1e9);
    }

    private static String errorVerb(ResourceType type) {
        return switch (type) {
            case MODEL -> "ERROR creating";
            case SEED -> "ERROR loading";
            case SNAPSHOT -> "ERROR snapshotting";
            default -> "ERROR";
        };
    }

    private static String skipSubject(NodeResult result, String relation) {
        Node node = result.node();
        return switch (node.resourceType()) {
            case MODEL, SEED, SNAPSHOT -> "relation " + relation
                    + (result.message().toLowerCase(Locale.ROOT).startsWith("upstream ephemeral") ? " due to ephemeral model error" : "");
            default -> node.resourceType().dbtName() + " " + node.name();
        };
    }

    /** The engine's short answer, or {@code INSERT 3000}/{@code OK} built from what it reported. */
    private static String response(NodeResult result, String verb) {
        if (!result.message().isBlank()) {
            return result.message();
        }
        Object rows = result.adapterResponse().get("rows_affected");
        if (rows instanceof Number number && number.longValue() >= 0 && !"OK".equals(verb)) {
            return verb + " " + number.longValue();
        }
        return "OK";
    }
}
