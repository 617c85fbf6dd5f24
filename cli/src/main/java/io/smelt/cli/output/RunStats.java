package io.smelt.cli.output;

import io.smelt.compiler.graph.Manifest;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The counting lines around a run, in dbt's words. */
public final class RunStats {
    private static final List<ResourceType> KIND_ORDER = List.of(ResourceType.SEED, ResourceType.MODEL,
            ResourceType.SNAPSHOT, ResourceType.ANALYSIS, ResourceType.TEST, ResourceType.UNIT_TEST, ResourceType.SOURCE, ResourceType.OPERATION);

    private RunStats() {
    }

    /** {@code Found 5 models, 3 seeds, 12 data tests, 2 sources, 430 macros}. */
    public static String found(Manifest manifest) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (ResourceType type : List.of(ResourceType.MODEL, ResourceType.SNAPSHOT, ResourceType.ANALYSIS,
                ResourceType.SEED, ResourceType.TEST, ResourceType.UNIT_TEST, ResourceType.SOURCE, ResourceType.OPERATION)) {
            counts.put(noun(type), manifest.nodesOfType(type).size());
        }
        counts.put("macro", manifest.macros().size());
        List<String> parts = new ArrayList<>();
        counts.forEach((noun, count) -> {
            if (count > 0) {
                parts.add(count(count, noun));
            }
        });
        return "Found " + (parts.isEmpty() ? "nothing" : String.join(", ", parts));
    }

    /** {@code Finished running 3 view models, 4 data tests in 0 hours 0 minutes and 1.23 seconds (1.23s).} */
    public static String finished(RunSummary summary) {
        // seeds, models, snapshots, then tests, as dbt's DAG order usually lists them; kinds of model by first index
        List<NodeResult> ordered = new ArrayList<>(summary.results());
        ordered.sort(Comparator.comparingInt((NodeResult r) -> KIND_ORDER.indexOf(r.node().resourceType()))
                .thenComparingInt(NodeResult::index));
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (NodeResult result : ordered) {
            counts.merge(kind(result.node()), 1, Integer::sum);
        }
        List<String> parts = new ArrayList<>();
        counts.forEach((noun, count) -> parts.add(count(count, noun)));
        String what = parts.isEmpty() ? "0 nodes" : String.join(", ", parts);
        return "Finished running " + what + " in " + humanize(summary.elapsed()) + " (" + NodeLine.seconds(summary.elapsed()) + "s).";
    }

    /** {@code Completed successfully}, {@code Completed with 1 warning:} or {@code Completed with 2 errors and 1 warning:}. */
    public static String completion(RunSummary summary) {
        long errors = errors(summary);
        long warnings = summary.count(NodeStatus.WARN);
        if (errors > 0) {
            return "Completed with " + count(errors, "error") + " and " + count(warnings, "warning") + ":";
        }
        if (warnings > 0) {
            return "Completed with " + count(warnings, "warning") + ":";
        }
        return "Completed successfully";
    }

    public static Tone completionTone(RunSummary summary) {
        if (errors(summary) > 0) {
            return Tone.BAD;
        }
        return summary.count(NodeStatus.WARN) > 0 ? Tone.WARN : Tone.GOOD;
    }

    /** {@code Done. PASS=5 WARN=0 ERROR=1 SKIP=1 TOTAL=7}. */
    public static String done(RunSummary summary) {
        long pass = summary.count(NodeStatus.SUCCESS) + summary.count(NodeStatus.PASS);
        return "Done. PASS=" + pass + " WARN=" + summary.count(NodeStatus.WARN) + " ERROR=" + errors(summary)
                + " SKIP=" + summary.count(NodeStatus.SKIPPED) + " TOTAL=" + summary.results().size();
    }

    static long errors(RunSummary summary) {
        return summary.count(NodeStatus.ERROR) + summary.count(NodeStatus.FAIL);
    }

    /** {@code 0 hours 0 minutes and 1.23 seconds}. */
    static String humanize(Duration elapsed) {
        double total = elapsed.toNanos() / 1e9;
        long hours = (long) (total / 3600);
        long minutes = (long) ((total - hours * 3600) / 60);
        double seconds = total - hours * 3600 - minutes * 60;
        return String.format(Locale.ROOT, "%d hours %d minutes and %.2f seconds", hours, minutes, seconds);
    }

    /** A node's kind as dbt counts it: {@code table model}, {@code seed}, {@code data test}. */
    static String kind(Node node) {
        return switch (node.resourceType()) {
            case MODEL -> node.materialized() + " model";
            case OPERATION -> "project hook";
            default -> noun(node.resourceType());
        };
    }

    static String noun(ResourceType type) {
        return switch (type) {
            case TEST -> "data test";
            case UNIT_TEST -> "unit test";
            default -> type.dbtName();
        };
    }

    /** {@code 1 model}, {@code 2 models}, {@code 2 analyses}. */
    public static String count(long count, String noun) {
        if (count == 1) {
            return "1 " + noun;
        }
        return count + " " + (noun.endsWith("is") ? noun.substring(0, noun.length() - 2) + "es" : noun + "s");
    }
}
