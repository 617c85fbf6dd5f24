package io.smelt.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.analysis.Analysis;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.lineage.ColumnRef;
import io.smelt.compiler.lineage.LineageTarget;
import io.smelt.compiler.lineage.LineageTree;
import io.smelt.compiler.lineage.ProjectLineage;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.workspace.Workspace;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code smelt lineage MODEL.COLUMN}: the columns that feed a column, or that it feeds, as a tree. */
@picocli.CommandLine.Command(name = "lineage", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Shows which columns feed a model's column (--upstream, the default) or which columns it feeds "
                + "(--downstream), each step with its kind: direct, transformed, filter or join.",
                "Analyses the project's SQL as compile does (sources' columns are read from the warehouse)."})
final class LineageCommand extends BaseCommand {
    @Parameters(index = "0", paramLabel = "MODEL.COLUMN",
            description = "A model's (or seed's, snapshot's) column, as orders.amount; a source's as SOURCE.TABLE.COLUMN.")
    String target;

    @ArgGroup(exclusive = true)
    Direction direction = new Direction();

    static final class Direction {
        @Option(names = "--upstream", description = "The columns it comes from, down to sources and seeds (default).")
        boolean upstream;

        @Option(names = "--downstream", description = "The columns of other models it feeds.")
        boolean downstream;
    }

    @Option(names = "--depth", paramLabel = "N", defaultValue = "0", description = "Steps to follow at most (default: all).")
    int depth;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text", description = "text (default) or json.")
    String output;

    @Override
    protected int execute() {
        if (!output.equals("text") && !output.equals("json")) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, "--output takes text or json, not '" + output + "'", null);
        }
        if (depth < 0) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, "--depth takes 0 (all) or more, not " + depth, null);
        }
        // Only the lineage goes to stdout, so scripts can read it; notices go to stderr.
        RunListener notices = noticesOnStderr();
        try (Workspace workspace = Workspace.load(projectOptions(), notices)) {
            ProjectLineage lineage = workspace.lineage();
            if (lineage == null) {
                throw new SmeltException(ErrorKind.COMMAND_LINE, null, "Smelt reads no SQL of " + workspace.manifest().adapterType()
                        + ", so it knows no column lineage there", "lineage is known for the engines whose SQL dialect Smelt reads (docs/sql-analysis.md)");
            }
            LineageTarget column = LineageTarget.resolve(target, workspace.manifest(), lineage);
            LineageTree tree = LineageTree.of(lineage, column.column(), !direction.downstream, depth);
            Map<String, Node> nodes = workspace.manifest().nodes();
            if (output.equals("json")) {
                out().println(json(tree, column, lineage, nodes));
            } else {
                text(tree, column, lineage, nodes);
            }
        }
        return ExitCodes.OK;
    }

    private void text(LineageTree tree, LineageTarget column, ProjectLineage lineage, Map<String, Node> nodes) {
        out().println(name(column.column(), nodes) + " (" + LineageTarget.describe(column.node()) + ")");
        if (column.notAnalysed() != null) {
            out().println("  not analysed: " + column.notAnalysed());
            return;
        }
        if (tree.children().isEmpty()) {
            boolean unknown = !direction.downstream && column.node().resourceType() == ResourceType.MODEL
                    && !lineage.known(column.node().uniqueId());
            out().println(direction.downstream ? "  no analysed model reads it"
                    : unknown ? "  " + reason(column.node(), lineage) : "  nothing upstream");
        }
        for (int i = 0; i < tree.children().size(); i++) {
            branch(tree.children().get(i), "", i == tree.children().size() - 1, lineage, nodes);
        }
        if (!direction.downstream && !tree.children().isEmpty()) {
            out().println("comes from:");
            lineage.origins(column.column()).forEach(edge -> out().println("  " + pad(ProjectLineage.name(edge.kind()))
                    + name(edge.column(), nodes) + note(edge.column(), lineage, nodes)));
        }
        out().flush();
    }

    private void branch(LineageTree tree, String indent, boolean last, ProjectLineage lineage, Map<String, Node> nodes) {
        String suffix = tree.repeated() ? " (see above)" : tree.cut() ? " (...)" : note(tree.column(), lineage, nodes);
        out().println(indent + (last ? "`-- " : "|-- ") + pad(ProjectLineage.name(tree.kind())) + name(tree.column(), nodes) + suffix);
        for (int i = 0; i < tree.children().size(); i++) {
            branch(tree.children().get(i), indent + (last ? "    " : "|   "), i == tree.children().size() - 1, lineage, nodes);
        }
    }

    private static String pad(String kind) {
        return String.format("%-12s", kind);
    }

    /** What the column's node is, where that matters: an ephemeral model, a seed or source, a model without lineage. */
    private static String note(ColumnRef column, ProjectLineage lineage, Map<String, Node> nodes) {
        Node node = nodes.get(column.node());
        if (node == null) {
            return "";
        }
        return switch (node.resourceType()) {
            case MODEL -> lineage.known(node.uniqueId()) ? (node.isEphemeral() ? "  [ephemeral]" : "")
                    : "  [" + reason(node, lineage) + "]";
            case SOURCE -> "  [source]";
            default -> "  [" + node.resourceType().dbtName() + "]";
        };
    }

    /** Why walking stops at a model: it was not analysed, or its query holds what lineage does not follow. */
    private static String reason(Node node, ProjectLineage lineage) {
        Analysis analysis = lineage.analysis(node.uniqueId());
        if (analysis == null) {
            return "not analysed";
        }
        return switch (analysis.status()) {
            case ANALYSED -> "analysed, but its lineage is not followed";
            case FINDING -> "not analysed: the SQL check found " + analysis.finding().message();
            case NOT_ANALYSED -> "not analysed: " + analysis.reason();
        };
    }

    /** {@code orders.amount}; a source's column as {@code shop.customers.name}. */
    private static String name(ColumnRef column, Map<String, Node> nodes) {
        Node node = nodes.get(column.node());
        if (node == null) {
            return column.toString();
        }
        String prefix = node.sourceName() != null ? node.sourceName() + "." + node.name() : node.name();
        return prefix + "." + column.column();
    }

    private String json(LineageTree tree, LineageTarget column, ProjectLineage lineage, Map<String, Node> nodes) {
        Map<String, Object> root = entry(tree, lineage, nodes);
        root.put("direction", direction.downstream ? "downstream" : "upstream");
        if (column.notAnalysed() != null) {
            root.put("analysed", false);
            root.put("reason", column.notAnalysed());
        }
        if (!direction.downstream && column.notAnalysed() == null) {
            List<Map<String, Object>> origins = new ArrayList<>();
            lineage.origins(column.column()).forEach(edge -> {
                Map<String, Object> origin = new LinkedHashMap<>();
                origin.put("node", edge.column().node());
                origin.put("column", edge.column().column());
                origin.put("kind", ProjectLineage.name(edge.kind()));
                origins.add(origin);
            });
            root.put("origins", origins);
        }
        try {
            return new ObjectMapper().writeValueAsString(root);
        }
        catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, Object> entry(LineageTree tree, ProjectLineage lineage, Map<String, Node> nodes) {
        Map<String, Object> entry = new LinkedHashMap<>();
        Node node = nodes.get(tree.column().node());
        entry.put("node", tree.column().node());
        entry.put("name", name(tree.column(), nodes));
        entry.put("column", tree.column().column());
        entry.put("resource_type", node == null ? null : node.resourceType().dbtName());
        if (tree.kind() != null) {
            entry.put("kind", ProjectLineage.name(tree.kind()));
        }
        if (node != null && node.resourceType() == ResourceType.MODEL && !lineage.known(node.uniqueId())) {
            entry.put("lineage_known", false);
            entry.put("reason", reason(node, lineage));
        }
        if (tree.repeated()) {
            entry.put("repeated", true);
        }
        if (tree.cut()) {
            entry.put("truncated", true);
        }
        List<Map<String, Object>> children = new ArrayList<>();
        tree.children().forEach(child -> children.add(entry(child, lineage, nodes)));
        entry.put("edges", children);
        return entry;
    }
}
