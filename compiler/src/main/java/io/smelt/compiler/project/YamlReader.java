package io.smelt.compiler.project;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.NodeConfig;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.reader.ReaderException;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static java.util.Objects.requireNonNull;

/**
 * Reads one YAML file through snakeyaml's node tree so that every value keeps its position, and
 * turns nodes into plain Java values (maps, lists, strings, numbers, booleans, null).
 */
final class YamlReader {
    record Entry(String key, Node keyNode, Node value) {
    }

    private static final int MAX_FILE_CODE_POINTS = 64 * 1024 * 1024;
    // PyYAML, which dbt uses, has no limit; snakeyaml's default of 50 rejects real properties files
    // that reuse an anchored column list or test block on every model.
    static final int MAX_ALIASES = 100_000;
    static final String QUOTE_JINJA_HINT = "put Jinja values in quotes, such as key: \"{{ env_var('NAME') }}\"";

    private final Path file;
    private final ErrorKind shapeKind;
    private final YamlRenderer renderer;
    private final ScalarConstructor scalars = new ScalarConstructor();

    /**
     * @param file the file as shown in messages
     * @param shapeKind the kind of error for values of the wrong shape (syntax errors are always YAML)
     */
    YamlReader(Path file, ErrorKind shapeKind, YamlRenderer renderer) {
        this.file = requireNonNull(file, "file is null");
        this.shapeKind = requireNonNull(shapeKind, "shapeKind is null");
        this.renderer = requireNonNull(renderer, "renderer is null");
    }

    Path file() {
        return file;
    }

    /** The document's root node, or null when the file holds no document. */
    Node compose(String text) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(MAX_FILE_CODE_POINTS);
        options.setMergeOnCompose(true);
        options.setMaxAliasesForCollections(MAX_ALIASES);
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        try {
            return new Yaml(options).compose(new StringReader(body));
        }
        catch (MarkedYAMLException e) {
            throw YamlSyntaxErrors.syntaxError(file, e, body);
        }
        catch (ReaderException e) {
            throw YamlSyntaxErrors.badCharacter(file, e, body);
        }
        catch (YAMLException e) {
            throw new SmeltException(ErrorKind.YAML, SourcePosition.of(file), "invalid YAML: " + e.getMessage(), null, e);
        }
    }

    SourcePosition at(Node node) {
        if (node == null || node.getStartMark() == null) {
            return SourcePosition.of(file);
        }
        Mark mark = node.getStartMark();
        return new SourcePosition(file, mark.getLine() + 1, mark.getColumn() + 1);
    }

    SmeltException error(Node node, String message, String hint) {
        return new SmeltException(shapeKind, at(node), message, hint);
    }

    SmeltException expected(Node node, String what, String expected, String hint) {
        return error(node, what + ": expected " + expected + ", found " + describe(node), hint == null ? jinjaHint(node) : hint);
    }

    static boolean isNull(Node node) {
        return node == null || (node instanceof ScalarNode scalar && Tag.NULL.equals(scalar.getTag()));
    }

    /** The entries of a mapping in file order; null or an empty value gives no entries. */
    Map<String, Entry> mapping(Node node, String what) {
        Map<String, Entry> entries = new LinkedHashMap<>();
        if (isNull(node)) {
            return entries;
        }
        if (!(node instanceof MappingNode mapping)) {
            throw expected(node, what, "a mapping of key: value pairs", null);
        }
        for (NodeTuple tuple : mapping.getValue()) {
            String key = key(tuple.getKeyNode());
            // as in PyYAML, which dbt uses, the last of duplicate keys wins
            entries.put(key, new Entry(key, tuple.getKeyNode(), tuple.getValueNode()));
        }
        return entries;
    }

    /** The items of a list; null or an empty value gives no items. */
    List<Node> list(Node node, String what, String expected) {
        if (isNull(node)) {
            return List.of();
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw expected(node, what, expected, null);
        }
        return sequence.getValue();
    }

    /** A scalar as text, rendered when it holds Jinja; null stays null. */
    String text(Node node, String what) {
        return text(node, what, true);
    }

    String text(Node node, String what, boolean render) {
        if (isNull(node)) {
            return null;
        }
        if (!(node instanceof ScalarNode scalar)) {
            throw expected(node, what, "text", jinjaHint(node));
        }
        return render ? renderText(scalar) : scalar.getValue();
    }

    /** A list of scalars, or (when {@code single} is true) one scalar taken as a list of one. */
    List<String> textList(Node node, String what, String expected, boolean single, boolean render) {
        if (isNull(node)) {
            return List.of();
        }
        if (single && node instanceof ScalarNode scalar && Tag.STR.equals(scalar.getTag())) {
            return List.of(text(node, what, render));
        }
        if (!(node instanceof SequenceNode sequence)) {
            throw expected(node, what, expected, jinjaHint(node));
        }
        List<String> items = new ArrayList<>();
        for (Node item : sequence.getValue()) {
            if (!(item instanceof ScalarNode) || isNull(item)) {
                throw expected(item, what, expected, jinjaHint(item));
            }
            items.add(text(item, what, render));
        }
        return items;
    }

    Boolean bool(Node node, String what) {
        Object value = value(node, Set.of(), true);
        if (value == null || value instanceof Boolean) {
            return (Boolean) value;
        }
        String text = value.toString().trim().toLowerCase(java.util.Locale.ROOT);
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        throw expected(node, what, "true or false", null);
    }

    /** A mapping as a Java map; strings are rendered except under keys in {@code rawKeys}. */
    Map<String, Object> map(Node node, String what, Set<String> rawKeys) {
        return renderedMap(node, what, rawKeys, false);
    }

    /**
     * A mapping of configs as a Java map, strings rendered natively as dbt renders dbt_project.yml
     * ({@code "{{ target.type != 'x' }}"} becomes a boolean), except under keys in {@code rawKeys}.
     */
    Map<String, Object> nativeMap(Node node, String what, Set<String> rawKeys) {
        return renderedMap(node, what, rawKeys, true);
    }

    private Map<String, Object> renderedMap(Node node, String what, Set<String> rawKeys, boolean nativeValues) {
        if (isNull(node)) {
            return new LinkedHashMap<>();
        }
        if (!(node instanceof MappingNode)) {
            throw expected(node, what, "a mapping of key: value pairs", jinjaHint(node));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value(node, rawKeys, true, nativeValues);
        return map;
    }

    /** A mapping as a Java map, nothing rendered. */
    Map<String, Object> rawMap(Node node, String what) {
        if (isNull(node)) {
            return new LinkedHashMap<>();
        }
        if (!(node instanceof MappingNode)) {
            throw expected(node, what, "a mapping of key: value pairs", jinjaHint(node));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value(node, Set.of(), false);
        return map;
    }

    /**
     * Any node as a plain Java value. Strings are rendered when {@code render} is set, except in the
     * subtrees of keys named in {@code rawKeys} (hooks, descriptions, tests: dbt renders those later).
     */
    Object value(Node node, Set<String> rawKeys, boolean render) {
        return value(node, rawKeys, render, false);
    }

    private Object value(Node node, Set<String> rawKeys, boolean render, boolean nativeValues) {
        if (node == null) {
            return null;
        }
        if (node instanceof MappingNode mapping) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : mapping.getValue()) {
                String key = key(tuple.getKeyNode());
                boolean renderChild = render && !rawKeys.contains(key);
                map.put(key, value(tuple.getValueNode(), rawKeys, renderChild, nativeValues));
            }
            return map;
        }
        if (node instanceof SequenceNode sequence) {
            List<Object> list = new ArrayList<>(sequence.getValue().size());
            for (Node item : sequence.getValue()) {
                list.add(value(item, rawKeys, render, nativeValues));
            }
            return list;
        }
        ScalarNode scalar = (ScalarNode) node;
        Tag tag = scalar.getTag();
        if (Tag.NULL.equals(tag)) {
            return null;
        }
        if (Tag.BOOL.equals(tag) || Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            return scalars.construct(scalar);
        }
        if (render && nativeValues && YamlRenderer.isTemplate(scalar.getValue())) {
            return renderer.renderNative(scalar.getValue(), at(scalar));
        }
        return render ? renderText(scalar) : scalar.getValue();
    }

    private String renderText(ScalarNode scalar) {
        String text = scalar.getValue();
        if (!YamlRenderer.isTemplate(text)) {
            return text;
        }
        return renderer.render(text, at(scalar));
    }

    private String key(Node keyNode) {
        if (keyNode instanceof ScalarNode scalar && !Tag.NULL.equals(scalar.getTag())) {
            return scalar.getValue();
        }
        if (keyNode instanceof MappingNode) {
            throw new SmeltException(ErrorKind.YAML, at(keyNode),
                    "unquoted Jinja or a nested '{...}' where a key was expected: YAML reads '{{ ... }}' without quotes as a mapping",
                    QUOTE_JINJA_HINT);
        }
        throw new SmeltException(ErrorKind.YAML, at(keyNode), "a key must be a plain name, found " + describe(keyNode), null);
    }

    /** A hint for values that look like unquoted Jinja ({@code key: {{ x }}} parses as a mapping). */
    private static String jinjaHint(Node node) {
        if (node instanceof MappingNode mapping) {
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof MappingNode) {
                    return QUOTE_JINJA_HINT;
                }
            }
        }
        return null;
    }

    /**
     * Checks every {@code enabled} / {@code +enabled} key under {@code node}: a value that is not a
     * boolean, "true"/"false" or Jinja (rendered later) is an error at its line.
     */
    void checkFlags(Node node) {
        if (!(node instanceof MappingNode mapping)) {
            return;
        }
        for (NodeTuple tuple : mapping.getValue()) {
            Node value = tuple.getValueNode();
            boolean flagKey = tuple.getKeyNode() instanceof ScalarNode key
                    && (key.getValue().equals("enabled") || key.getValue().equals("+enabled"));
            if (flagKey && value instanceof ScalarNode scalar && !isNull(scalar) && !Tag.BOOL.equals(scalar.getTag())
                    && !scalar.getValue().contains("{{") && !scalar.getValue().contains("{%")) {
                Object plain = Tag.STR.equals(scalar.getTag()) ? scalar.getValue() : value(scalar, Set.of(), false);
                String problem = NodeConfig.notAFlag("enabled", plain);
                if (problem != null) {
                    throw new SmeltException(ErrorKind.PROJECT, at(value), problem,
                            "write true or false (unquoted); a Jinja condition such as \"{{ target.name == 'prod' }}\" works too");
                }
            }
            checkFlags(value);
        }
    }

    static String describe(Node node) {
        if (node instanceof MappingNode) {
            return "a mapping";
        }
        if (node instanceof SequenceNode) {
            return "a list";
        }
        if (isNull(node)) {
            return "nothing";
        }
        ScalarNode scalar = (ScalarNode) node;
        String value = scalar.getValue();
        if (value.length() > 40) {
            value = value.substring(0, 37) + "...";
        }
        Tag tag = scalar.getTag();
        if (Tag.INT.equals(tag) || Tag.FLOAT.equals(tag)) {
            return "the number " + value;
        }
        if (Tag.BOOL.equals(tag)) {
            return "the value " + value;
        }
        return "the text '" + value + "'";
    }

    /** snakeyaml's YAML 1.1 rules for booleans, integers and floats, as PyYAML applies them for dbt. */
    private static final class ScalarConstructor extends SafeConstructor {
        ScalarConstructor() {
            super(new LoaderOptions());
        }

        Object construct(ScalarNode node) {
            return constructObject(node);
        }
    }
}
