package io.smelt.cli.report;

import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The run as Markdown for {@code GITHUB_STEP_SUMMARY}: the command's outcome, how many nodes ended
 * in each status, what the change modified (with {@code --state}), what was built, a table of the
 * nodes that failed, errored or warned with where they are defined, and what was read from the
 * comparison run under {@code --defer}.
 */
public final class StepSummary {
    private StepSummary() {
    }

    public static String markdown(RunSummary summary, String commandName) {
        return markdown(summary, commandName, Map.of(), Map.of());
    }

    public static String markdown(RunSummary summary, String commandName, Map<String, String> modified, Map<String, String> deferred) {
        return markdown(summary, commandName, modified, Map.of(), deferred);
    }

    /**
     * @param modified what {@code state:modified} selects against {@code --state}: unique id to why
     * @param deferred the nodes read from the comparison run under {@code --defer}: unique id to relation
     */
    /**
     * @param changedColumns each column of a modified model whose lineage changed, with the downstream columns it feeds
     */
    public static String markdown(RunSummary summary, String commandName, Map<String, String> modified,
            Map<String, List<String>> changedColumns, Map<String, String> deferred) {
        long problems = summary.count(NodeStatus.FAIL) + summary.count(NodeStatus.ERROR);
        StringBuilder md = new StringBuilder();
        md.append("### smelt ").append(commandName).append(": ")
                .append(problems == 0 ? "passed" : problems + (problems == 1 ? " failure" : " failures"))
                .append(String.format(Locale.ROOT, " (%.1f s)", summary.elapsed().toMillis() / 1000.0)).append("\n\n");
        md.append("| status | nodes |\n| --- | ---: |\n");
        for (NodeStatus status : NodeStatus.values()) {
            long count = summary.count(status);
            if (count > 0) {
                md.append("| ").append(status.dbtName()).append(" | ").append(count).append(" |\n");
            }
        }
        if (!modified.isEmpty()) {
            md.append("\nModified against `--state` (").append(modified.size()).append("):\n\n| node | why |\n| --- | --- |\n");
            modified.forEach((id, why) -> md.append("| `").append(id).append("` | ").append(cell(why)).append(" |\n"));
        }
        if (!changedColumns.isEmpty()) {
            long feeding = changedColumns.values().stream().filter(v -> !v.isEmpty()).count();
            md.append("\n<details><summary>Changed columns (").append(changedColumns.size()).append("; ").append(feeding)
                    .append(" feed columns downstream)</summary>\n\n| changed column | feeds downstream |\n| --- | --- |\n");
            changedColumns.forEach((column, fed) -> md.append("| `").append(cell(column)).append("` | ")
                    .append(fed.isEmpty() ? "—" : cell(String.join(", ", fed.stream().limit(50).map(c -> "`" + c + "`").toList())
                            + (fed.size() > 50 ? " and " + (fed.size() - 50) + " more" : "")))
                    .append(" |\n"));
            md.append("\n</details>\n");
        }
        List<NodeResult> built = summary.results().stream()
                .filter(r -> r.status() == NodeStatus.SUCCESS && r.node().hasRelation()).toList();
        if (!built.isEmpty()) {
            md.append("\n<details><summary>Built (").append(built.size()).append(")</summary>\n\n");
            built.forEach(r -> md.append("- `").append(r.node().uniqueId()).append('`')
                    .append(r.relationName() == null ? "" : " as `" + cell(r.relationName()) + "`").append('\n'));
            md.append("\n</details>\n");
        }
        boolean header = false;
        for (NodeResult result : summary.results()) {
            if (!result.status().isFailure() && result.status() != NodeStatus.WARN) {
                continue;
            }
            if (!header) {
                md.append("\n| node | status | defined at | message |\n| --- | --- | --- | --- |\n");
                header = true;
            }
            SourcePosition at = Annotations.place(result);
            md.append("| `").append(result.node().name()).append("` (").append(result.node().resourceType().dbtName()).append(") | ")
                    .append(result.status().dbtName()).append(" | ")
                    .append(at == null ? "" : cell(at.toString())).append(" | ")
                    .append(cell(JUnitReport.firstLine(Annotations.describe(result)))).append(" |\n");
        }
        if (!deferred.isEmpty()) {
            md.append("\nRead from the comparison run (`--defer`):\n\n| node | relation |\n| --- | --- |\n");
            deferred.forEach((id, relation) -> md.append("| `").append(id).append("` | `").append(cell(relation)).append("` |\n"));
        }
        return md.toString();
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
