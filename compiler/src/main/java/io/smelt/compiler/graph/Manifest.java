package io.smelt.compiler.graph;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything the parse phase found, linked: every node (sources included) by unique id in a stable
 * order, and every macro.
 *
 * @param projectName the root project's name
 * @param adapterType the target's engine type, as the profile names it
 * @param disabled nodes whose config has {@code enabled: false}; kept for messages and artifacts
 * @param docs the {@code {% docs %}} blocks of every package
 * @param exposures the enabled exposures (nodes of kind EXPOSURE, never run), by unique id
 */
public record Manifest(
        String projectName,
        String adapterType,
        Map<String, Node> nodes,
        Map<String, MacroInfo> macros,
        Map<String, Node> disabled,
        List<DocBlock> docs,
        Map<String, Node> exposures) {
    public Manifest {
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        macros = Collections.unmodifiableMap(new LinkedHashMap<>(macros));
        disabled = Collections.unmodifiableMap(new LinkedHashMap<>(disabled));
        docs = List.copyOf(docs);
        exposures = Collections.unmodifiableMap(new LinkedHashMap<>(exposures));
    }

    public Manifest(String projectName, String adapterType, Map<String, Node> nodes, Map<String, MacroInfo> macros,
            Map<String, Node> disabled, List<DocBlock> docs) {
        this(projectName, adapterType, nodes, macros, disabled, docs, Map.of());
    }

    public Manifest(String projectName, String adapterType, Map<String, Node> nodes, Map<String, MacroInfo> macros,
            Map<String, Node> disabled) {
        this(projectName, adapterType, nodes, macros, disabled, List.of());
    }

    public Node node(String uniqueId) {
        return nodes.get(uniqueId);
    }

    public List<Node> nodesOfType(ResourceType type) {
        return nodes.values().stream().filter(n -> n.resourceType() == type).collect(Collectors.toUnmodifiableList());
    }
}
