package io.smelt.compiler.lineage;

import io.smelt.compiler.analysis.Analysis;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.ColumnInfo;
import io.smelt.compiler.graph.Manifest;
import io.smelt.compiler.graph.NameSuggestions;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.ResourceType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A column named on the command line as {@code MODEL.COLUMN}: a model, seed or snapshot by name, or
 * {@code SOURCE.TABLE.COLUMN}. A name that matches nothing is a command-line error with the closest names.
 *
 * @param node the node the column belongs to
 * @param column the column as the project spells it
 * @param notAnalysed why the model's lineage is not known (its SQL was not analysed); null when it is, and for seeds and sources
 */
public record LineageTarget(Node node, ColumnRef column, String notAnalysed) {
    private static final Set<ResourceType> NAMED = Set.of(ResourceType.MODEL, ResourceType.SEED, ResourceType.SNAPSHOT);

    public static LineageTarget resolve(String target, Manifest manifest, ProjectLineage lineage) {
        int dot = target.lastIndexOf('.');
        if (dot <= 0 || dot == target.length() - 1) {
            throw error("'" + target + "' is not MODEL.COLUMN", "name a model and one of its columns, as orders.amount"
                    + " (a source's column as SOURCE.TABLE.COLUMN)");
        }
        Node node = node(target.substring(0, dot), manifest);
        String wanted = target.substring(dot + 1);
        Analysis analysis = lineage.analysis(node.uniqueId());
        if (node.resourceType() == ResourceType.MODEL && (analysis == null || analysis.status() != Analysis.Status.ANALYSED)) {
            String reason = analysis == null ? "the SQL check did not look at it"
                    : analysis.status() == Analysis.Status.FINDING ? "its SQL check found: " + analysis.finding().message()
                    : analysis.reason();
            String documented = match(wanted, documented(node));
            return new LineageTarget(node, new ColumnRef(node.uniqueId(), documented == null ? wanted : documented), reason);
        }
        Set<String> known = new LinkedHashSet<>(lineage.columns(node.uniqueId()));
        if (node.resourceType() != ResourceType.MODEL) {
            known.addAll(documented(node));
            known.addAll(lineage.readColumns(node.uniqueId()));
        }
        String column = match(wanted, known);
        if (column == null) {
            String hint = NameSuggestions.hint(wanted, known);
            throw error(describe(node) + " has no column '" + wanted + "'" + (node.resourceType() == ResourceType.MODEL ? ""
                    : " that the project documents or a model reads"), hint != null ? hint : "its columns: " + String.join(", ", known));
        }
        return new LineageTarget(node, new ColumnRef(node.uniqueId(), column), null);
    }

    /** {@code model orders}, {@code ephemeral model x}, {@code seed raw_orders}, {@code source shop.customers}. */
    public static String describe(Node node) {
        return switch (node.resourceType()) {
            case MODEL -> (node.isEphemeral() ? "ephemeral model " : "model ") + node.name();
            case SOURCE -> "source " + node.sourceName() + "." + node.name();
            default -> node.resourceType().dbtName() + " " + node.name();
        };
    }

    private static Node node(String name, Manifest manifest) {
        Map<String, List<Node>> byName = new LinkedHashMap<>();
        for (Node node : manifest.nodes().values()) {
            if (NAMED.contains(node.resourceType())) {
                byName.computeIfAbsent(node.name().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(node);
            } else if (node.resourceType() == ResourceType.SOURCE) {
                byName.computeIfAbsent((node.sourceName() + "." + node.name()).toLowerCase(Locale.ROOT),
                        k -> new ArrayList<>()).add(node);
            }
        }
        List<Node> found = byName.get(name.toLowerCase(Locale.ROOT));
        if (found == null) {
            String hint = NameSuggestions.hint(name, byName.keySet());
            throw error("no model, seed, snapshot or source named '" + name + "' in the project",
                    hint != null ? hint : "smelt ls --resource-type model seed source lists them");
        }
        return found.stream().filter(n -> n.packageName().equals(manifest.projectName())).findFirst().orElse(found.get(0));
    }

    private static List<String> documented(Node node) {
        return node.columns().values().stream().map(ColumnInfo::name).toList();
    }

    private static String match(String wanted, Iterable<String> known) {
        for (String name : known) {
            if (name.equalsIgnoreCase(wanted)) {
                return name;
            }
        }
        return null;
    }

    private static SmeltException error(String message, String hint) {
        return new SmeltException(ErrorKind.COMMAND_LINE, null, message, hint);
    }
}
