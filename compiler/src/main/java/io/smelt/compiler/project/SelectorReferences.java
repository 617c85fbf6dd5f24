package io.smelt.compiler.project;

import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which selectors of selectors.yml name which others ({@code method: selector}), read from the
 * file as written before any is parsed, so that a reference to one below can be told from a cycle.
 */
final class SelectorReferences {
    private final Map<String, Set<String>> uses;

    private SelectorReferences(Map<String, Set<String>> uses) {
        this.uses = uses;
    }

    static SelectorReferences scan(List<Node> selectors) {
        Map<String, Set<String>> uses = new LinkedHashMap<>();
        for (Node item : selectors) {
            if (item instanceof MappingNode mapping) {
                String name = scalar(mapping, "name");
                if (name != null) {
                    Set<String> used = new LinkedHashSet<>();
                    collect(valueOf(mapping, "definition"), used);
                    uses.putIfAbsent(name, used);
                }
            }
        }
        return new SelectorReferences(uses);
    }

    Set<String> names() {
        return uses.keySet();
    }

    /** The names from {@code from} to {@code to} along references ({@code from} first), or null when there is no such path. */
    List<String> path(String from, String to) {
        return path(from, to, new HashSet<>());
    }

    private List<String> path(String from, String to, Set<String> seen) {
        if (!seen.add(from)) {
            return null;
        }
        for (String next : uses.getOrDefault(from, Set.of())) {
            List<String> rest = next.equals(to) ? List.of(to) : path(next, to, seen);
            if (rest != null) {
                List<String> path = new ArrayList<>();
                path.add(from);
                path.addAll(rest);
                return path;
            }
        }
        return null;
    }

    private static void collect(Node node, Set<String> used) {
        if (node instanceof MappingNode mapping) {
            String value = scalar(mapping, "value");
            if ("selector".equals(scalar(mapping, "method")) && value != null) {
                used.add(value);
            }
            for (NodeTuple tuple : mapping.getValue()) {
                collect(tuple.getValueNode(), used);
            }
        } else if (node instanceof SequenceNode sequence) {
            sequence.getValue().forEach(item -> collect(item, used));
        }
    }

    private static Node valueOf(MappingNode mapping, String key) {
        for (NodeTuple tuple : mapping.getValue()) {
            if (tuple.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return tuple.getValueNode();
            }
        }
        return null;
    }

    private static String scalar(MappingNode mapping, String key) {
        return valueOf(mapping, key) instanceof ScalarNode s ? s.getValue() : null;
    }
}
