package io.smelt.compiler.project;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.FreshnessThreshold;
import io.smelt.compiler.graph.UnitTestSpec;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads dbt properties files (schema.yml). As in dbt, strings are rendered with the renderer except
 * descriptions, tests and hooks, which dbt renders later with a node's own context; {@code versions}
 * are kept as written.
 */
public final class SchemaFileParser {
    private static final Set<String> NODE_SECTIONS = Set.of("models", "seeds", "snapshots", "analyses");
    private static final Set<String> IGNORED_SECTIONS = Set.of("metrics", "semantic_models",
            "saved_queries", "groups", "data_tests", "functions");

    /** Subtrees dbt leaves unrendered until a node's context exists. */
    static final Set<String> RAW_KEYS = Set.of("description", "tests", "data_tests", "pre-hook", "post-hook", "pre_hook",
            "post_hook", "+pre-hook", "+post-hook", "versions");

    private static final Set<String> NODE_KEYS = Set.of("name", "description", "config", "columns", "tests", "data_tests",
            "versions", "docs", "meta", "tags", "latest_version", "access", "group", "constraints", "deprecation_date",
            "time_spine", "relation", "freshness", "label");
    /** Keys with their own field in {@link NodeProperties}; other known keys go to {@code other}. */
    private static final Set<String> NODE_FIELDS = Set.of("name", "description", "config", "columns", "tests", "data_tests",
            "versions", "docs", "meta", "tags");
    private static final Set<String> COLUMN_KEYS = Set.of("name", "description", "data_type", "meta", "tags", "quote",
            "tests", "data_tests", "constraints", "config", "docs", "granularity", "policy_tags");
    private static final Set<String> SOURCE_KEYS = Set.of("name", "description", "database", "schema", "loader", "meta", "tags",
            "config", "quoting", "freshness", "loaded_at_field", "loaded_at_query", "overrides", "tables", "catalog");
    private static final Set<String> TABLE_KEYS = Set.of("name", "identifier", "description", "columns", "tests", "data_tests",
            "meta", "tags", "config", "quoting", "freshness", "loaded_at_field", "loaded_at_query", "external", "docs",
            "constraints");
    private static final Set<String> VERSION_KEYS = Set.of("v", "defined_in", "description", "config", "columns", "tests",
            "data_tests", "docs", "access", "constraints", "deprecation_date", "meta", "tags", "latest_version");
    private static final Set<String> MACRO_KEYS = Set.of("name", "description", "arguments", "docs", "meta", "config");

    private final YamlReader yaml;
    private final TestSpecParser tests;
    private final List<YamlWarning> warnings = new ArrayList<>();

    private final YamlRenderer descriptions;

    private SchemaFileParser(YamlReader yaml, YamlRenderer descriptions) {
        this.yaml = yaml;
        this.tests = new TestSpecParser(yaml);
        this.descriptions = descriptions;
    }

    /**
     * @param relativePath the file relative to its package root, as shown in messages
     * @throws SmeltException (YAML) when the text does not parse or an entry has the wrong shape
     */
    public static SchemaFile parse(Path relativePath, String text, YamlRenderer renderer) {
        return parse(relativePath, text, renderer, YamlRenderer.NONE);
    }

    /**
     * @param descriptions renders a {@code description:} that holds Jinja ({@code {{ doc('x') }}}), as dbt
     *     renders descriptions with its docs context
     */
    public static SchemaFile parse(Path relativePath, String text, YamlRenderer renderer, YamlRenderer descriptions) {
        return new SchemaFileParser(new YamlReader(relativePath, ErrorKind.YAML, renderer), descriptions).parse(text);
    }

    private SchemaFile parse(String text) {
        Node root = yaml.compose(text);
        Map<String, List<NodeProperties>> nodes = new LinkedHashMap<>();
        List<MacroProperties> macros = new ArrayList<>();
        List<SourceProperties> sources = new ArrayList<>();
        List<String> ignored = new ArrayList<>();
        List<UnitTestSpec> unitTests = new ArrayList<>();
        List<ExposureProperties> exposures = new ArrayList<>();
        Integer version = null;
        if (!YamlReader.isNull(root) && !(root instanceof MappingNode)) {
            throw yaml.expected(root, "properties file", "a mapping with sections such as models: and sources:", null);
        }
        for (YamlReader.Entry section : yaml.mapping(root, "properties file").values()) {
            String key = section.key();
            if (key.equals("version")) {
                version = version(section.value());
            }
            else if (NODE_SECTIONS.contains(key)) {
                List<NodeProperties> entries = new ArrayList<>();
                for (Node item : entries(section)) {
                    entries.add(node(item, key));
                }
                nodes.put(key, entries);
            }
            else if (key.equals("sources")) {
                for (Node item : entries(section)) {
                    sources.add(source(item));
                }
            }
            else if (key.equals("unit_tests")) {
                UnitTestParser parser = new UnitTestParser(yaml);
                for (Node item : entries(section)) {
                    unitTests.add(parser.unitTest(item, fields(item, "unit_tests", UnitTestParser.keys())));
                }
            }
            else if (key.equals("exposures")) {
                ExposureParser parser = new ExposureParser(yaml);
                for (Node item : entries(section)) {
                    Map<String, YamlReader.Entry> fields = fields(item, "exposures", ExposureParser.KEYS);
                    exposures.add(parser.exposure(item, fields, description(fields)));
                }
            }
            else if (key.equals("macros")) {
                for (Node item : entries(section)) {
                    macros.add(macro(item));
                }
            }
            else if (IGNORED_SECTIONS.contains(key)) {
                ignored.add(key);
            }
            else {
                List<String> known = new ArrayList<>(NODE_SECTIONS);
                known.addAll(IGNORED_SECTIONS);
                known.addAll(List.of("sources", "macros", "version", "unit_tests", "exposures"));
                String suggestion = Names.suggestion(key, known);
                warnings.add(new YamlWarning(yaml.at(section.keyNode()), "unknown section '" + key + "' is ignored"
                        + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?")));
            }
        }
        return new SchemaFile(yaml.file(), version, nodes.getOrDefault("models", List.of()), nodes.getOrDefault("seeds", List.of()),
                nodes.getOrDefault("snapshots", List.of()), nodes.getOrDefault("analyses", List.of()), macros, sources, unitTests, exposures,
                ignored, warnings);
    }

    private Integer version(Node node) {
        if (!(node instanceof ScalarNode scalar) || !Tag.INT.equals(scalar.getTag())) {
            throw yaml.expected(node, "version", "the number 2", null);
        }
        if (!scalar.getValue().equals("2")) {
            throw yaml.error(node, "properties files are version 2, found version " + scalar.getValue(), "write version: 2, or leave it out");
        }
        return 2;
    }

    private List<Node> entries(YamlReader.Entry section) {
        return yaml.list(section.value(), section.key(), "a list of entries, each starting with '- name:'");
    }

    private Map<String, YamlReader.Entry> fields(Node item, String section, Set<String> known) {
        if (!(item instanceof MappingNode)) {
            throw yaml.expected(item, "an entry under " + section + ":", "a mapping starting with name:", null);
        }
        Map<String, YamlReader.Entry> fields = yaml.mapping(item, section);
        YamlReader.Entry name = fields.get("name");
        if (name == null || YamlReader.isNull(name.value())) {
            throw yaml.error(item, "each entry under " + section + ": needs a name:", null);
        }
        if (!(name.value() instanceof ScalarNode)) {
            throw yaml.expected(name.value(), "name", "a name", null);
        }
        for (YamlReader.Entry field : fields.values()) {
            if (!known.contains(field.key())) {
                String suggestion = Names.suggestion(field.key(), known);
                warnings.add(new YamlWarning(yaml.at(field.keyNode()), "unknown key '" + field.key() + "' under " + section
                        + ": is ignored" + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?")));
            }
        }
        return fields;
    }

    private NodeProperties node(Node item, String section) {
        Map<String, YamlReader.Entry> fields = fields(item, section, NODE_KEYS);
        String name = name(fields);
        String owner = singular(section) + " '" + name + "'";
        Map<String, Object> other = new LinkedHashMap<>();
        for (YamlReader.Entry field : fields.values()) {
            if (NODE_KEYS.contains(field.key()) && !NODE_FIELDS.contains(field.key())) {
                other.put(field.key(), field.key().equals("constraints")
                        ? ConstraintProperties.read(yaml, field.value(), owner, true)
                        : yaml.value(field.value(), RAW_KEYS, true));
            }
        }
        YamlReader.Entry versions = fields.get("versions");
        List<VersionProperties> versionList = new ArrayList<>();
        if (versions != null) {
            for (Node version : yaml.list(versions.value(), "versions of " + owner, "a list of versions (- v: 1)")) {
                versionList.add(version(version, owner));
            }
        }
        Map<String, Object> config = config(fields, owner);
        if (fields.get("config") != null && fields.get("config").value() instanceof MappingNode written) {
            other.put(NodeProperties.UNRENDERED_CONFIG, yaml.rawMap(written, "config of " + owner));
        }
        return new NodeProperties(name, description(fields), config, columns(fields, owner),
                tests.testsOf(fields, owner), versionList, map(fields, "docs", owner), map(fields, "meta", owner),
                tags(fields, owner), other, yaml.at(item));
    }

    private VersionProperties version(Node item, String owner) {
        if (!(item instanceof MappingNode)) {
            throw yaml.expected(item, "a version of " + owner, "a mapping starting with v:", null);
        }
        Map<String, YamlReader.Entry> fields = yaml.mapping(item, "versions");
        YamlReader.Entry v = fields.get("v");
        if (v == null || YamlReader.isNull(v.value())) {
            throw yaml.error(item, "each version of " + owner + " needs a v: (its version, such as v: 2)", null);
        }
        Object version = yaml.value(v.value(), Set.of(), true);
        String versionOwner = "version " + version + " of " + owner;
        for (YamlReader.Entry field : fields.values()) {
            if (!VERSION_KEYS.contains(field.key())) {
                String suggestion = Names.suggestion(field.key(), VERSION_KEYS);
                warnings.add(new YamlWarning(yaml.at(field.keyNode()), "unknown key '" + field.key() + "' under versions: is ignored"
                        + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?")));
            }
        }
        Object include = null;
        List<String> exclude = List.of();
        List<ColumnProperties> columns = new ArrayList<>();
        YamlReader.Entry columnList = fields.get("columns");
        if (columnList != null) {
            for (Node column : yaml.list(columnList.value(), "columns of " + versionOwner, "a list of columns (- name: id)")) {
                Map<String, YamlReader.Entry> entry = column instanceof MappingNode ? yaml.mapping(column, "columns") : Map.of();
                if (entry.containsKey("include") || entry.containsKey("exclude")) {
                    YamlReader.Entry includes = entry.get("include");
                    include = includes == null ? null : includes.value() instanceof ScalarNode
                            ? yaml.text(includes.value(), "include") : yaml.textList(includes.value(), "include",
                            "all, * or a list of column names", false, true);
                    YamlReader.Entry excludes = entry.get("exclude");
                    exclude = excludes == null ? List.of() : yaml.textList(excludes.value(), "exclude", "a list of column names", true, true);
                }
                else {
                    columns.add(column(column, versionOwner));
                }
            }
        }
        boolean ownTests = fields.containsKey("data_tests") || fields.containsKey("tests");
        return new VersionProperties(version, text(fields, "defined_in"), fields.containsKey("description") ? description(fields) : null,
                config(fields, versionOwner), include, exclude, columns, ownTests ? tests.testsOf(fields, versionOwner) : null,
                yaml.at(item));
    }

    private List<ColumnProperties> columns(Map<String, YamlReader.Entry> fields, String owner) {
        YamlReader.Entry columns = fields.get("columns");
        if (columns == null) {
            return List.of();
        }
        List<ColumnProperties> result = new ArrayList<>();
        for (Node item : yaml.list(columns.value(), "columns of " + owner, "a list of columns (- name: id)")) {
            result.add(column(item, owner));
        }
        return result;
    }

    private ColumnProperties column(Node item, String owner) {
        Map<String, YamlReader.Entry> column = fields(item, "columns", COLUMN_KEYS);
        String name = name(column);
        String columnOwner = "column '" + name + "' of " + owner;
        YamlReader.Entry quote = column.get("quote");
        return new ColumnProperties(name, description(column), text(column, "data_type"), map(column, "meta", columnOwner),
                tags(column, columnOwner), quote == null ? null : yaml.bool(quote.value(), "quote"),
                config(column, columnOwner), tests.testsOf(column, columnOwner), constraints(column, columnOwner), yaml.at(item));
    }

    private List<Map<String, Object>> constraints(Map<String, YamlReader.Entry> fields, String owner) {
        YamlReader.Entry entry = fields.get("constraints");
        return entry == null ? List.of() : ConstraintProperties.read(yaml, entry.value(), owner, false);
    }

    private SourceProperties source(Node item) {
        Map<String, YamlReader.Entry> fields = fields(item, "sources", SOURCE_KEYS);
        String name = name(fields);
        String owner = "source '" + name + "'";
        List<SourceTableProperties> tables = new ArrayList<>();
        YamlReader.Entry tableList = fields.get("tables");
        if (tableList != null) {
            for (Node table : yaml.list(tableList.value(), "tables of " + owner, "a list of tables (- name: orders)")) {
                tables.add(table(table, owner));
            }
        }
        return new SourceProperties(name, description(fields), text(fields, "database"), text(fields, "schema"),
                text(fields, "loader"), map(fields, "meta", owner), tags(fields, owner), config(fields, owner),
                map(fields, "quoting", owner), freshness(fields, owner), text(fields, "loaded_at_field"),
                loadedAtQuery(fields, owner), fields.containsKey("overrides") ? yaml.text(fields.get("overrides").value(), "overrides", false) : null, tables,
                yaml.at(item), written(fields, "database"), written(fields, "schema"));
    }

    private SourceTableProperties table(Node item, String sourceOwner) {
        Map<String, YamlReader.Entry> fields = fields(item, "tables", TABLE_KEYS);
        String name = name(fields);
        String owner = "table '" + name + "' of " + sourceOwner;
        return new SourceTableProperties(name, text(fields, "identifier"), description(fields), columns(fields, owner),
                tests.testsOf(fields, owner), map(fields, "meta", owner), tags(fields, owner), config(fields, owner),
                map(fields, "quoting", owner), freshness(fields, owner), text(fields, "loaded_at_field"),
                loadedAtQuery(fields, owner), map(fields, "external", owner), yaml.at(item));
    }

    private MacroProperties macro(Node item) {
        Map<String, YamlReader.Entry> fields = fields(item, "macros", MACRO_KEYS);
        String name = name(fields);
        YamlReader.Entry arguments = fields.get("arguments");
        List<Object> argumentList = new ArrayList<>();
        if (arguments != null) {
            for (Node argument : yaml.list(arguments.value(), "arguments of macro '" + name + "'", "a list of arguments (- name: x)")) {
                argumentList.add(yaml.value(argument, Set.of(), false));
            }
        }
        Map<String, Object> docs = fields.containsKey("docs") ? yaml.rawMap(fields.get("docs").value(), "docs") : Map.of();
        Map<String, Object> meta = fields.containsKey("meta") ? yaml.rawMap(fields.get("meta").value(), "meta") : Map.of();
        return new MacroProperties(name, description(fields), argumentList, docs, meta, yaml.at(item));
    }

    private String name(Map<String, YamlReader.Entry> fields) {
        return yaml.text(fields.get("name").value(), "name", false);
    }

    private String description(Map<String, YamlReader.Entry> fields) {
        YamlReader.Entry description = fields.get("description");
        if (description == null) {
            return "";
        }
        String text = yaml.text(description.value(), "description", false);
        return text != null && YamlRenderer.isTemplate(text) ? descriptions.render(text, yaml.at(description.value())) : text;
    }

    /** A scalar as written, nothing rendered; null when absent. */
    private String written(Map<String, YamlReader.Entry> fields, String key) {
        YamlReader.Entry entry = fields.get(key);
        Object value = entry == null ? null : yaml.value(entry.value(), Set.of(), false);
        return value == null ? null : value.toString();
    }

    private String text(Map<String, YamlReader.Entry> fields, String key) {
        YamlReader.Entry entry = fields.get(key);
        return entry == null ? null : yaml.text(entry.value(), key);
    }

    /** A config: mapping, rendered natively as dbt's schema YAML renderer does ({@code "{{ x == 'y' }}"} is a boolean). */
    private Map<String, Object> config(Map<String, YamlReader.Entry> fields, String owner) {
        YamlReader.Entry entry = fields.get("config");
        if (entry != null) {
            yaml.checkFlags(entry.value());
        }
        return entry == null ? new LinkedHashMap<>() : yaml.nativeMap(entry.value(), "config of " + owner, RAW_KEYS);
    }

    private Map<String, Object> map(Map<String, YamlReader.Entry> fields, String key, String owner) {
        YamlReader.Entry entry = fields.get(key);
        return entry == null ? new LinkedHashMap<>() : yaml.map(entry.value(), key + " of " + owner, RAW_KEYS);
    }

    /** The entry's {@code freshness:}; one under its {@code config:} is checked here too and read from the config. */
    private FreshnessThreshold freshness(Map<String, YamlReader.Entry> fields, String owner) {
        FreshnessYaml.inConfig(yaml, fields.get("config"), owner);
        return FreshnessYaml.read(yaml, fields.get("freshness"), owner);
    }

    /** {@code loaded_at_query}, which dbt refuses beside a {@code loaded_at_field} of the same entry. */
    private String loadedAtQuery(Map<String, YamlReader.Entry> fields, String owner) {
        YamlReader.Entry query = fields.get("loaded_at_query");
        if (query != null && fields.get("loaded_at_field") != null) {
            throw yaml.error(query.keyNode(), owner + " has both loaded_at_field and loaded_at_query",
                    "keep one: loaded_at_field names a timestamp column, loaded_at_query is a query returning the last load time");
        }
        return query == null ? null : yaml.text(query.value(), "loaded_at_query", false);
    }

    private List<String> tags(Map<String, YamlReader.Entry> fields, String owner) {
        YamlReader.Entry entry = fields.get("tags");
        return entry == null ? List.of() : yaml.textList(entry.value(), "tags of " + owner, "a tag or a list of tags", true, true);
    }

    private static String singular(String section) {
        return switch (section) {
            case "models" -> "model";
            case "seeds" -> "seed";
            case "snapshots" -> "snapshot";
            case "analyses" -> "analysis";
            default -> section;
        };
    }
}
