package io.smelt.compiler.project;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.IndirectSelection;
import io.smelt.compiler.graph.NameSuggestions;
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
 * {@code children}, {@code childrens_parents}, depths, {@code indirect_selection} and
 * {@code exclude}), a {@code union:} or {@code intersection:} list (one item of which may be
 * {@code exclude:}), or {@code method: selector} naming another selector defined above it. Values
 * are rendered as dbt renders the file ({@code env_var}, {@code var}, {@code target}); every
 * mistake is reported at its line.
 */
public final class SelectorsFile {
    public static final String FILE_NAME = "selectors.yml";
    private static final Set<String> FILE_KEYS = Set.of("selectors", "version");
    private static final Set<String> SELECTOR_KEYS = Set.of("name", "definition", "description", "default");
    private static final Set<String> CRITERION_KEYS = Set.of("method", "value", "parents", "children", "childrens_parents",
            "parents_depth", "children_depth", "indirect_selection", "exclude");
    private static final Set<String> GRAPH_KEYS = Set.of("parents", "children", "childrens_parents", "parents_depth",
            "children_depth", "indirect_selection");

    private final YamlReader yaml;
    private final Map<String, SelectorDefinition> byName = new LinkedHashMap<>();
    private SelectorReferences references;
    private String current;

    private SelectorsFile(YamlReader yaml) {
        this.yaml = yaml;
    }

    /** The project's selectors; none when it has no selectors.yml, or an empty one. */
    public static Selectors read(Path projectDir, YamlRenderer renderer) {
        Path file = projectDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(file)) {
            return Selectors.NONE;
        }
        Path display = Path.of(FILE_NAME);
        YamlReader yaml = new YamlReader(display, ErrorKind.SELECTOR, renderer);
        Node root = yaml.compose(TextFiles.read(file, display));
        return root == null ? Selectors.NONE : new SelectorsFile(yaml).read(root);
    }

    private Selectors read(Node root) {
        Map<String, YamlReader.Entry> top = yaml.mapping(root, FILE_NAME);
        checkKeys(top, FILE_KEYS, "at the top of " + FILE_NAME);
        YamlReader.Entry selectors = top.get("selectors");
        if (selectors == null) {
            throw yaml.error(root, FILE_NAME + " has no selectors:", "list them under selectors: (- name: x, definition: ...)");
        }
        List<Node> items = yaml.list(selectors.value(), "selectors", "a list of selectors (- name: x)");
        references = SelectorReferences.scan(items);
        String defaultName = null;
        for (Node item : items) {
            Map<String, YamlReader.Entry> fields = yaml.mapping(item, "a selector");
            checkKeys(fields, SELECTOR_KEYS, "in a selector");
            if (!fields.containsKey("name") || !fields.containsKey("definition")) {
                throw yaml.error(item, "a selector needs name: and definition:", null);
            }
            String name = yaml.text(fields.get("name").value(), "name");
            if (name == null || name.isBlank()) {
                throw yaml.error(fields.get("name").value(), "a selector's name is empty", null);
            }
            if (byName.containsKey(name)) {
                throw yaml.error(fields.get("name").value(), "selector '" + name + "' is defined twice", null);
            }
            current = name;
            byName.put(name, definition(fields.get("definition").value(), true));
            YamlReader.Entry isDefault = fields.get("default");
            if (isDefault != null && Boolean.TRUE.equals(yaml.bool(isDefault.value(), "default"))) {
                if (defaultName != null) {
                    throw yaml.error(isDefault.value(), "selectors '" + defaultName + "' and '" + name + "' are both default: true",
                            "only one selector may be the default");
                }
                defaultName = name;
            }
        }
        return new Selectors(byName, defaultName, SourcePosition.of(yaml.file()));
    }

    private SelectorDefinition definition(Node node, boolean root) {
        if (node instanceof ScalarNode) {
            String text = yaml.text(node, "definition");
            if (text == null || text.isBlank()) {
                throw yaml.error(node, "a selector definition is empty", "write a --select-style string or a method: and value:");
            }
            return checked(node, new Expression(text, null));
        }
        if (!(node instanceof MappingNode)) {
            throw yaml.expected(node, "a selector definition", "a string or a mapping (method: ..., value: ...)", null);
        }
        Map<String, YamlReader.Entry> fields = yaml.mapping(node, "a selector definition");
        if (fields.containsKey("union") || fields.containsKey("intersection")) {
            if (fields.size() > 1) {
                throw yaml.error(node, "a union: or intersection: stands alone" + (root ? " at the root of a definition" : ""),
                        "found " + String.join(", ", fields.keySet()) + "; put the other keys in an item of the list");
            }
            boolean union = fields.containsKey("union");
            return setOperation(fields.get(union ? "union" : "intersection").value(), union);
        }
        if (fields.size() == 1 && !fields.containsKey("method")) {
            YamlReader.Entry only = fields.values().iterator().next();
            return criterion(node, only.key(), yaml.text(only.value(), only.key()), Map.of());
        }
        checkKeys(fields, CRITERION_KEYS, "in a selector definition");
        if (!fields.containsKey("method") || !fields.containsKey("value")) {
            throw yaml.error(node, "a selector definition needs method: and value:", "or one key, as in tag: nightly");
        }
        SelectorDefinition base = criterion(node, yaml.text(fields.get("method").value(), "method"),
                yaml.text(fields.get("value").value(), "value"), fields);
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
                    throw yaml.error(item, "only one exclude: is allowed in a union or intersection",
                            "list everything to exclude under the one exclude:");
                }
                exclude = setOperation(fields.get("exclude").value(), true);
            } else {
                parts.add(definition(item, false));
            }
        }
        SelectorDefinition included = union ? new Union(parts) : new Intersection(parts);
        return exclude == null ? included : new Difference(included, exclude);
    }

    private SelectorDefinition criterion(Node node, String method, String value, Map<String, YamlReader.Entry> fields) {
        if (method == null || method.isBlank() || value == null || value.isBlank()) {
            throw yaml.error(node, "a selector definition needs a method and a value", "as in method: tag, value: nightly");
        }
        if (method.equals("selector")) {
            return reference(node, value, fields);
        }
        StringBuilder text = new StringBuilder();
        boolean childrensParents = flag(fields, "childrens_parents");
        if (childrensParents) {
            text.append('@');
        } else if (flag(fields, "parents")) {
            text.append(depth(fields, "parents_depth")).append('+');
        }
        text.append(method).append(':').append(value);
        if (flag(fields, "children")) {
            if (childrensParents) {
                throw yaml.error(fields.get("children").keyNode(), "childrens_parents: and children: cannot be combined",
                        "childrens_parents already takes every descendant");
            }
            text.append('+').append(depth(fields, "children_depth"));
        }
        YamlReader.Entry mode = fields.get("indirect_selection");
        IndirectSelection indirect = null;
        if (mode != null) {
            try {
                indirect = IndirectSelection.parse(yaml.text(mode.value(), "indirect_selection"), "indirect_selection");
            }
            catch (SmeltException e) {
                throw yaml.error(mode.value(), e.first().message(), e.first().hint());
            }
        }
        return checked(node, new Expression(text.toString(), indirect));
    }

    /** {@code method: selector}: dbt reads the file in order, so only a selector defined above counts. */
    private SelectorDefinition reference(Node node, String value, Map<String, YamlReader.Entry> fields) {
        for (YamlReader.Entry field : fields.values()) {
            if (GRAPH_KEYS.contains(field.key())) {
                throw yaml.error(field.keyNode(), "'" + field.key() + "' does not apply to method: selector",
                        "dbt ignores it there; put it in the definition of '" + value + "', or remove it");
            }
        }
        SelectorDefinition named = byName.get(value);
        if (named != null) {
            return named;
        }
        if (value.equals(current)) {
            throw yaml.error(node, "selector '" + current + "' refers to itself", "a selector can only use selectors defined above it");
        }
        List<String> cycle = references.path(value, current);
        if (cycle != null) {
            throw yaml.error(node, "selectors refer to each other in a cycle: " + current + " -> " + String.join(" -> ", cycle),
                    "a selector can only use selectors defined above it; break the cycle");
        }
        if (references.names().contains(value)) {
            throw yaml.error(node, "selector '" + value + "' is defined below '" + current + "'",
                    "move it above: dbt reads selectors in order");
        }
        throw yaml.error(node, FILE_NAME + " has no selector '" + value + "'", NameSuggestions.hint(value, references.names()));
    }

    private SelectorDefinition checked(Node node, Expression expression) {
        try {
            expression.check();
        }
        catch (SmeltException e) {
            throw yaml.error(node, e.first().message(), e.first().hint());
        }
        return expression;
    }

    private void checkKeys(Map<String, YamlReader.Entry> fields, Set<String> known, String where) {
        for (YamlReader.Entry field : fields.values()) {
            if (!known.contains(field.key())) {
                throw yaml.error(field.keyNode(), "unknown key '" + field.key() + "' " + where,
                        "use " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private boolean flag(Map<String, YamlReader.Entry> fields, String key) {
        return fields.containsKey(key) && Boolean.TRUE.equals(yaml.bool(fields.get(key).value(), key));
    }

    private String depth(Map<String, YamlReader.Entry> fields, String key) {
        if (!fields.containsKey(key)) {
            return "";
        }
        Node node = fields.get(key).value();
        String text = yaml.text(node, key);
        if (text == null || !text.trim().matches("\\d{1,9}")) {
            throw yaml.expected(node, key, "a whole number of levels", null);
        }
        return text.trim();
    }
}
