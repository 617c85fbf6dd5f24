package io.smelt.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smelt.cli.output.Reporter;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.result.RunListener;
import io.smelt.compiler.workspace.Workspace;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** {@code smelt ls}: the selected nodes, one a line, for people and for scripts. */
@picocli.CommandLine.Command(name = "ls", aliases = "list", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Lists the selected nodes.")
final class LsCommand extends BaseCommand {
    private static final List<String> TYPES = List.of("model", "seed", "source", "test", "snapshot", "analysis", "operation", "unit_test",
            "all", "default");

    @Mixin
    SelectionOptions selection = new SelectionOptions();

    @Mixin
    StateFlags stateFlags = new StateFlags();

    @Option(names = "--resource-type", arity = "1..*", paramLabel = "TYPE", completionCandidates = TypeCandidates.class,
            description = "Only nodes of these kinds: ${COMPLETION-CANDIDATES} (default: all).")
    List<String> resourceTypes = new ArrayList<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", converter = LsOutput.Converter.class,
            completionCandidates = LsOutput.Candidates.class, defaultValue = "selector",
            description = "selector (default), name, path or json.")
    LsOutput output;

    @Option(names = "--explain", description = "After each node, why it is selected: what changed in it against --state "
            + "(file, config key, macro, var), or which changed node a graph operator (+, @) brought it in from.")
    boolean explain;

    @Override
    protected int execute() {
        Set<ResourceType> types = types();
        Reporter reporter = reporter();
        // Only the list goes to stdout, so scripts can read it; notices go to stderr.
        RunListener notices = noticesOnStderr();
        try (Workspace workspace = Workspace.load(projectOptions(), notices)) {
            workspace.withState(stateFlags.toOptions(context()));
            ObjectMapper mapper = output == LsOutput.JSON ? new ObjectMapper() : null;
            List<Node> selected = workspace.select(selection.toSelection(types, context(), root().indirectSelection), notices);
            Map<String, String> why = explain ? workspace.explain(selected) : Map.of();
            int width = explain ? selected.stream().mapToInt(n -> line(n, mapper, null).length()).max().orElse(0) : 0;
            for (Node node : selected) {
                String reason = why.get(node.uniqueId());
                String line = line(node, mapper, reason);
                reporter.listed(reason == null || output == LsOutput.JSON ? line
                        : String.format(Locale.ROOT, "%-" + width + "s  %s", line, reason));
            }
        }
        return ExitCodes.OK;
    }

    private Set<ResourceType> types() {
        Set<ResourceType> types = EnumSet.noneOf(ResourceType.class);
        for (String value : resourceTypes) {
            for (String word : value.trim().split("[\\s,]+")) {
                String type = word.toLowerCase(Locale.ROOT);
                if (type.equals("all") || type.equals("default")) {
                    return Set.of();
                }
                if (!TYPES.contains(type)) {
                    throw new ParameterException(spec.commandLine(),
                            "Invalid value for option '--resource-type': expected one of " + String.join(", ", TYPES) + " but was '" + word + "'");
                }
                types.add(ResourceType.fromDbtName(type));
            }
        }
        return types;
    }

    /** @param why the explanation, which JSON output carries as {@code why}; null without --explain */
    private String line(Node node, ObjectMapper mapper, String why) {
        return switch (output) {
            case NAME -> node.name();
            case PATH -> node.originalFilePath() == null ? "" : node.originalFilePath().toString();
            case SELECTOR -> node.resourceType() == ResourceType.SOURCE
                    ? "source:" + node.packageName() + "." + node.sourceName() + "." + node.name()
                    : String.join(".", node.fqn());
            case JSON -> json(node, mapper, why);
        };
    }

    private static String json(Node node, ObjectMapper mapper, String why) {
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("name", node.name());
        object.put("resource_type", node.resourceType().dbtName());
        object.put("package_name", node.packageName());
        object.put("original_file_path", node.originalFilePath() == null ? null : node.originalFilePath().toString());
        object.put("unique_id", node.uniqueId());
        object.put("alias", node.alias());
        if (node.sourceName() != null) {
            object.put("source_name", node.sourceName());
        }
        object.put("config", node.config().values());
        object.put("tags", node.config().tags());
        object.put("depends_on", Map.of("nodes", node.dependsOn()));
        if (why != null) {
            object.put("why", why);
        }
        try {
            return mapper.writeValueAsString(object);
        }
        catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static final class TypeCandidates implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return TYPES.iterator();
        }
    }
}
