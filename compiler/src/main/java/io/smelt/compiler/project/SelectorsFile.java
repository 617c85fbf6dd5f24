package io.smelt.compiler.project;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.SelectorDefinition;
import io.smelt.compiler.graph.SelectorDefinition.Difference;
import io.smelt.compiler.graph.SelectorDefinition.Expression;
import io.smelt.compiler.graph.SelectorDefinition.Intersection;
import io.smelt.compiler.graph.SelectorDefinition.Selectors;
import io.smelt.compiler.graph.SelectorDefinition.Union;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code selectors.yml} (dbt's {@code selectors: - name, definition, default}): a definition
 * is a {@code --select}-style string, a {@code method: value} mapping (with {@code parents},
 * {@code children}, {@code childrens_parents}, depths and {@code exclude}), a {@code union:} or
 * {@code intersection:} list (one item of which may be {@code exclude:}), or
 * {@code method: selector} naming another selector defined above it.
 */
public final class SelectorsFile {
    public static final String FILE_NAME = "selectors.yml";
    private static final Set<String> CRITERION_KEYS = Set.of("method", "value", "parents", "children", "childrens_parents",
            "parents_depth", "children_depth", "indirect_selection", "exclude");

    private final YamlReader yaml;
    private final Map<String, SelectorDefinition> byName = new LinkedHashMap<>();

    private SelectorsFile(YamlReader yaml) {
        this.yaml = yaml;
    }

    /** The project's selectors; none when it has no selectors.yml. */
    public static Selectors read(Path projectDir, YamlRenderer renderer) {
        Path file = projectDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Selectors.NONE;
        }
        Path display = Path.of(FILE_NAME);
        YamlReader yaml = new YamlReader(display, ErrorKind.SELECTOR, renderer);
        return new SelectorsFile(yaml).read(yaml.compose(TextFiles.read(file, display)));
    }

    private Selectors read(Node root) {
        Map<String, YamlReader.Entry> top = yaml.mapping(root, FILE_NAME);
        String defaultName = null;
        YamlReader.Entry selectors = top.get("selectors");
        if (selectors == null) {
            throw yaml.error(root, FILE_NAME + " has no selectors:", "list them under selectors: (- name: x, definition: ...)");
        }
        for (Node item : yaml.list(selectors.value(), "selectors", "a list of selectors (- name: x)")) {
            Map<String, YamlReader.Entry> fields = yaml.mapping(item, "a selector");
            if (!fields.containsKey("name") || !fields.containsKey("definition")) {
                throw yaml.error(item, "a selector needs name: and definition:", null);
            }
            String name = yaml.text(fields.get("name").value(), "name", false);
            if (byName.containsKey(name)) {
                throw yaml.error(fields.get("name").value(), "selector '" + name + "' is defined twice", null);
            }
            byName.put(name, definition(fields.get("definition").value()));
            YamlReader.Entry isDefault = fields.get("default");
            if (isDefault != null && yaml.bool(isDefault.value(), "default")) {
                if (defaultName != null) {
                    throw yaml.error(isDefault.value(), "selectors '" + defaultName + "' and '" + name + "' are both default: true",
                            "only one selector may be the default");
                }
                defaultName = name;
            }
        }
        return new Selectors(byName, defaultName, SourcePosition.of(yaml.file()));
    }

    private SelectorDefinition definition(Node node) {
        if (node instanceof ScalarNode) {
            return new Expression(yaml.text(node, "definition", false));
        }
        if (!(node instanceof MappingNode)) {
            throw yaml.expected(node, "a selector definition", "a string or a mapping (method: ..., value: ...)", null);
        }
        Map<String, YamlReader.Entry> fields = yaml.mapping(node, "a selector definition");
        if (fields.size() == 1 && (fields.containsKey("union") || fields.containsKey("intersection"))) {
            boolean union = fields.containsKey("union");
            return setOperation(fields.get(union ? "union" : "intersection").value(), union);
        }
        if (fields.size() == 1 && !fields.containsKey("method")) {
            YamlReader.Entry only = fields.values().iterator().next();
            return criterion(node, only.key(), yaml.text(only.value(), only.key(), false), Map.of());
        }
        if (!fields.containsKey("method") || !fields.containsKey("value")) {
            throw yaml.error(node, "a selector definition needs method: and value:", null);
        }
        for (YamlReader.Entry field : fields.values()) {
            if (!CRITERION_KEYS.contains(field.key())) {
                throw yaml.error(field.keyNode(), "unknown key '" + field.key() + "' in a selector definition",
                        "use " + String.join(", ", CRITERION_KEYS.stream().sorted().toList()));
            }
        }
        SelectorDefinition base = criterion(node, yaml.text(fields.get("method").value(), "method", false),
                yaml.text(fields.get("value").value(), "value", false), fields);
        YamlReader.Entry exclude = fields.get("exclude");
        return exclude == null ? base : new Difference(base, setOperation(exclude.value(), true));
    }

    private SelectorDefinition setOperation(Node node, boolean union) {
        List<SelectorDefinition> parts = new ArrayList<>();
        SelectorDefinition exclude = null;
        for (Node item : yaml.list(node, union ? "union" : "intersection", "a list of selector definitions")) {
            Map<String, YamlReader.Entry> fields = item instanceof MappingNode ? yaml.mapping(item, "a definition") : Map.of();
            if (fields.size() == 1 && fields.containsKey("exclude")) {
                if (exclude != null) {
                    throw yaml.error(item, "only one exclude: is allowed in a union or intersection", null);
                }
                exclude = setOperation(fields.get("exclude").value(), true);
            } else {
                parts.add(definition(item));
            }
        }
        SelectorDefinition included = union ? new Union(parts) : new Intersection(parts);
        return exclude == null ? included : new Difference(included, exclude);
    }

    private SelectorDefinition criterion(Node node, String method, String value, Map<String, YamlReader.Entry> fields) {
        if (method.equals("selector")) {
            SelectorDefinition named = byName.get(value);
            if (named == null) {
                throw yaml.error(node, "selector '" + value + "' is not defined above this one",
                        "define it earlier in " + FILE_NAME + " (dbt reads selectors in order)");
            }
            return named;
        }
        StringBuilder text = new StringBuilder();
        if (flag(fields, "childrens_parents")) {
            text.append('@');
        } else if (flag(fields, "parents")) {
            text.append(depth(fields, "parents_depth")).append('+');
        }
        text.append(method).append(':').append(value);
        if (flag(fields, "children")) {
            text.append('+').append(depth(fields, "children_depth"));
        }
        return new Expression(text.toString());
    }

    private boolean flag(Map<String, YamlReader.Entry> fields, String key) {
        return fields.containsKey(key) && yaml.bool(fields.get(key).value(), key);
    }

    private String depth(Map<String, YamlReader.Entry> fields, String key) {
        return fields.containsKey(key) ? yaml.text(fields.get(key).value(), key, false) : "";
    }
}
