package io.smelt.compiler.parse;

import io.smelt.compiler.context.ContextHost;
import io.smelt.compiler.context.DbtContext;
import io.smelt.compiler.context.ParseCapture;
import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeConfig;
import io.smelt.compiler.graph.RefCall;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.graph.SourceCall;
import io.smelt.compiler.graph.TestMetadata;
import io.smelt.compiler.jinja.Template;
import io.smelt.compiler.project.ConfigResolver;
import io.smelt.compiler.project.DbtProject;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Source nodes and generic test nodes, from one package's properties files. */
final class GenericTests {
    private static final Pattern REF = Pattern.compile("^\\s*(?:\\{\\{\\s*)?ref\\(\\s*['\"]([^'\"]+)['\"]\\s*(?:,\\s*['\"]([^'\"]+)['\"]\\s*)?\\)\\s*(?:\\}\\}\\s*)?$");
    private static final Pattern SOURCE = Pattern.compile("^\\s*(?:\\{\\{\\s*)?source\\(\\s*['\"]([^'\"]+)['\"]\\s*,\\s*['\"]([^'\"]+)['\"]\\s*\\)\\s*(?:\\}\\}\\s*)?$");

    private final ContextHost host;
    private final ConfigResolver rules;
    private final Path rootDir;
    private final Map<String, Template> templates;
    private final RelationNaming naming;
    private final TestDefinitionCheck check;
    private final List<Diagnostic> problems = new ArrayList<>();

    GenericTests(ContextHost host, ConfigResolver rules, Path rootDir, Map<String, Template> templates, RelationNaming naming) {
        this.host = host;
        this.naming = naming;
        this.rules = rules;
        this.rootDir = rootDir;
        this.templates = templates;
        this.check = new TestDefinitionCheck(host.engine());
    }

    List<Node> build(ProjectFiles files, Properties props) {
        DbtProject project = files.project();
        String pkg = project.name();
        List<Node> nodes = new ArrayList<>();
        Set<String> models = files.models().stream().map(ProjectFiles.Found::stem).collect(Collectors.toSet());
        Set<String> seeds = files.seeds().stream().map(ProjectFiles.Found::stem).collect(Collectors.toSet());
        for (Properties.SourceTable table : props.sources()) {
            Node source = source(project, table);
            nodes.add(source);
            for (Properties.TestDef test : table.tests()) {
                nodes.add(test(project, test, source, table.file(), table.sourceName() + "_" + table.tableName(), null));
            }
        }
        Set<String> snapshots = snapshotNames(files, props);
        for (String key : List.of("models", "seeds", "snapshots")) {
            Set<String> known = key.equals("models") ? models : key.equals("seeds") ? seeds : snapshots;
            ResourceType type = key.equals("models") ? ResourceType.MODEL : key.equals("seeds") ? ResourceType.SEED
                    : ResourceType.SNAPSHOT;
            for (Properties.Patch patch : props.patches(key)) {
                Properties.Version version = patch.version();
                boolean defined = version == null ? known.contains(patch.name())
                        : known.contains(version.fileName()) || version.latest() && known.contains(patch.name());
                if (!defined) {
                    continue;
                }
                String id = type.dbtName() + "." + pkg + "." + patch.name() + (version == null ? "" : ".v" + version.v());
                Node attached = new Node(id, type, pkg, patch.name(), null, null,
                        List.of(pkg, patch.name()), "", null, null, null, null, null, null, null, null, null, null, null, null, null);
                // dbt names a versioned model's tests after <model>_v<v> and refs the version
                String targetName = version == null ? patch.name() : patch.name() + "_v" + version.v();
                for (Properties.TestDef test : patch.tests()) {
                    nodes.add(test(project, test, attached, patch.file(), targetName, version == null ? null : version.v()));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new SmeltException(problems);
        }
        return nodes;
    }

    /** Snapshots of the package: its snapshot blocks and its YAML snapshots. */
    private static Set<String> snapshotNames(ProjectFiles files, Properties props) {
        Set<String> names = new java.util.HashSet<>();
        for (ProjectFiles.Found found : files.snapshots()) {
            try {
                String text = java.nio.file.Files.readString(files.project().projectDir().resolve(found.path()));
                SnapshotBlocks.find(text, found.path()).forEach(block -> names.add(block.name()));
            }
            catch (java.io.IOException | SmeltException e) {
                // the snapshot's own parse reports the problem
            }
        }
        for (Properties.Patch patch : props.patches("snapshots")) {
            if (patch.relation() != null) {
                names.add(patch.name());
            }
        }
        return names;
    }

    private Node source(DbtProject project, Properties.SourceTable table) {
        String pkg = project.name();
        List<String> fqn = new ArrayList<>();
        fqn.add(pkg);
        Path parent = table.file().getParent();
        if (parent != null && parent.getNameCount() > 1) {
            parent.subpath(1, parent.getNameCount()).forEach(part -> fqn.add(part.toString()));
        }
        fqn.add(table.sourceName());
        fqn.add(table.tableName());
        Map<String, Object> config = rules.resolve("sources", pkg, fqn, table.config(), null);
        String database = table.database() != null ? table.database() : (String) host.target().get("database");
        String schema = table.schema() != null ? table.schema() : table.sourceName();
        String identifier = table.identifier() != null ? table.identifier() : table.tableName();
        return new Node("source." + pkg + "." + table.sourceName() + "." + table.tableName(), ResourceType.SOURCE, pkg,
                table.tableName(), table.file(), null, fqn, "", new NodeConfig(config), table.description(), table.columns(),
                null, null, null, database, schema, identifier, table.sourceName(), null, table.at(), null, null,
                table.extra());
    }

    private Node test(DbtProject project, Properties.TestDef def, Node attached, Path file, String targetName, String version) {
        String pkg = project.name();
        String namespace = null;
        String testName = def.testName();
        int dot = testName.indexOf('.');
        if (dot > 0) {
            namespace = testName.substring(0, dot);
            testName = testName.substring(dot + 1);
        }
        Map<String, Object> args = new LinkedHashMap<>(def.args());
        if (def.columnName() != null) {
            args.put("column_name", def.columnName());
        }
        boolean onSource = attached.resourceType() == ResourceType.SOURCE;
        String type = (namespace == null ? "" : namespace + "_") + (onSource ? "source_" : "") + testName;
        TestNames names = def.customName() != null ? new TestNames(def.customName(), def.customName())
                : TestNames.synthesize(type, targetName, args);
        String name = names.full();
        List<RefCall> refs = new ArrayList<>();
        List<SourceCall> sources = new ArrayList<>();
        int line = def.at() == null ? 0 : def.at().line();
        String model;
        if (onSource) {
            sources.add(new SourceCall(attached.sourceName(), attached.name(), line));
            model = "{{ get_where_subquery(source('" + attached.sourceName() + "', '" + attached.name() + "')) }}";
        }
        else {
            refs.add(new RefCall(null, attached.name(), version, line));
            model = "{{ get_where_subquery(ref('" + attached.name() + "'" + (version == null ? "" : ", version='" + version + "'")
                    + ")) }}";
        }
        args.values().forEach(value -> collectCalls(value, refs, sources, line));
        Map<String, Object> kwargs = new LinkedHashMap<>(args);
        kwargs.put("model", model);
        List<String> fqn = new ArrayList<>();
        fqn.add(pkg);
        Path parent = file.getParent();
        if (parent != null && parent.getNameCount() > 1) {
            parent.subpath(1, parent.getNameCount()).forEach(part -> fqn.add(part.toString()));
        }
        fqn.add(name);
        Map<String, Object> config = new LinkedHashMap<>(rules.resolve("tests", pkg, fqn, renderConfig(def), null));
        if (!names.compiled().equals(name)) {
            // dbt's alias for a test whose name is too long for a file or relation
            config.putIfAbsent("alias", names.compiled());
        }
        if (!Boolean.FALSE.equals(NodeConfig.flag(config.get("enabled")))) {
            String what = (def.columnName() == null ? "" : "column " + def.columnName() + " of ")
                    + attached.resourceType().dbtName() + " " + (onSource ? attached.sourceName() + "." : "") + attached.name();
            problems.addAll(check.check(pkg, namespace, testName, kwargs, config, def.at(), what));
        }
        String macro = (namespace == null ? "" : namespace + ".") + "test_" + testName;
        String rawCode = "{{ " + macro + "(**_dbt_generic_test_kwargs) }}";
        String uniqueId = "test." + pkg + "." + name + "." + TestNames.hash(name, namespace, testName, kwargs);
        Path display = display(project, file);
        templates.put(uniqueId, host.engine().parse(pkg, display, rawCode));
        TestMetadata metadata = new TestMetadata(testName, namespace, kwargs, def.columnName(), attached.uniqueId(),
                names.compiled());
        // dbt's alias of a long name is its hashed short form (set in the config above); naming applies it
        return naming.apply(new Node(uniqueId, ResourceType.TEST, pkg, name, file, null, fqn, rawCode, new NodeConfig(config),
                null, null, refs, sources, null, null, null, null, null, metadata,
                def.at() == null ? io.smelt.compiler.diag.SourcePosition.of(display) : def.at(), null, null,
                Map.of("macros", testMacros(pkg, macro),
                        StateFields.UNRENDERED_CONFIG, rules.unrendered("tests", pkg, fqn, def.config(), null))));
    }

    /** dbt's {@code depends_on.macros} of a generic test: its test macro, then {@code get_where_subquery} its model argument calls. */
    private List<String> testMacros(String pkg, String macro) {
        List<String> macros = new ArrayList<>();
        for (String name : List.of(macro, "get_where_subquery")) {
            String id = host.engine().macroUniqueId(pkg, name);
            if (id != null && !macros.contains(id)) {
                macros.add(id);
            }
        }
        return macros;
    }

    /** The ref(...) and source(...) arguments, at any depth (dbt renders every argument). */
    private static void collectCalls(Object value, List<RefCall> refs, List<SourceCall> sources, int line) {
        if (value instanceof String text) {
            Matcher ref = REF.matcher(text);
            Matcher source = SOURCE.matcher(text);
            if (ref.matches()) {
                refs.add(ref.group(2) == null ? new RefCall(null, ref.group(1), null, line)
                        : new RefCall(ref.group(1), ref.group(2), null, line));
            }
            else if (source.matches()) {
                sources.add(new SourceCall(source.group(1), source.group(2), line));
            }
        }
        else if (value instanceof Map<?, ?> map) {
            map.values().forEach(v -> collectCalls(v, refs, sources, line));
        }
        else if (value instanceof List<?> list) {
            list.forEach(v -> collectCalls(v, refs, sources, line));
        }
    }

    /**
     * The test's configs with each text value rendered natively, as dbt's test builder does at parse
     * time: {@code enabled: "{{ target.type != 'x' }}"} is a boolean. Lists and mappings stay as written.
     */
    private Map<String, Object> renderConfig(Properties.TestDef def) {
        Map<String, Object> rendered = new LinkedHashMap<>();
        for (Map.Entry<String, Object> entry : def.config().entrySet()) {
            Object value = entry.getValue();
            if (value instanceof String text && (text.contains("{{") || text.contains("{%"))) {
                try {
                    value = host.engine().renderNative(text, DbtContext.forParse(host, null, new ParseCapture()).globals(Map.of()));
                }
                catch (SmeltException e) {
                    Diagnostic first = e.first();
                    problems.add(new Diagnostic(first.kind(), def.at(), "test config '" + entry.getKey() + "': " + first.message(),
                            first.hint()));
                    continue;
                }
            }
            if (value != null) {
                rendered.put(entry.getKey(), entry.getKey().equals("tags") && value instanceof String tag ? List.of(tag) : value);
            }
        }
        return rendered;
    }

    private Path display(DbtProject project, Path path) {
        Path absolute = project.projectDir().toAbsolutePath().normalize().resolve(path);
        return absolute.startsWith(rootDir) ? rootDir.relativize(absolute) : absolute;
    }
}
