package io.smelt.compiler.parse;

import io.smelt.compiler.context.ContextHost;
import io.smelt.compiler.context.DbtContext;
import io.smelt.compiler.context.ParseCapture;
import io.smelt.compiler.analysis.SqlDialect;
import io.smelt.compiler.contract.ContractChecks;
import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeConfig;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.jinja.MacroCalls;
import io.smelt.compiler.jinja.Template;
import io.smelt.compiler.project.ConfigResolver;
import io.smelt.compiler.project.DbtProject;
import io.smelt.compiler.project.TextFiles;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The parse phase: every model, seed, test, analysis and source of every package becomes a node.
 * SQL files are rendered once with a capturing context to find their ref, source and config calls;
 * files are independent, so the work runs in parallel.
 */
public final class ProjectParser {
    /**
     * @param templates the parsed template of every node that has SQL, by unique id
     * @param seedFiles each seed's CSV, by unique id
     * @param parseSql what each model's template rendered to while parsing ({@code execute} false,
     *        relations provisional), by unique id: the SQL analysis reads it (io.smelt.compiler.check)
     * @param missingVars the first var defined nowhere that a node's template read, by unique id: as dbt's
     *        parser, parsing answers none for it; a command that compiles the node refuses it
     */
    public record Result(List<Node> enabled, List<Node> disabled, Map<String, Template> templates, Map<String, Path> seedFiles,
            Map<String, String> parseSql, Map<String, SmeltException> missingVars) {
    }


    private final ContextHost host;
    private final ParseCache cache;
    private final ConfigResolver rules;
    private final Path rootDir;
    private final RelationNaming naming;
    private final Map<String, Template> templates = new ConcurrentHashMap<>();
    private final Map<String, Path> seedFiles = new ConcurrentHashMap<>();
    private final Map<String, String> parseSql = new ConcurrentHashMap<>();
    private final Map<String, SmeltException> missingVars = new ConcurrentHashMap<>();

    public ProjectParser(ContextHost host, ConfigResolver rules, Path rootDir) {
        this(host, rules, rootDir, ParseCache.off());
    }

    /** @param cache the partial-parse cache: nodes whose render it kept are not rendered again */
    public ProjectParser(ContextHost host, ConfigResolver rules, Path rootDir, ParseCache cache) {
        this.host = host;
        this.cache = cache;
        this.rules = rules;
        this.rootDir = rootDir.toAbsolutePath().normalize();
        this.naming = new RelationNaming(host);
    }

    public Result parse(List<ProjectFiles> packages, Map<String, Properties> properties) {
        List<Supplier<List<Node>>> tasks = new ArrayList<>();
        for (ProjectFiles files : packages) {
            Properties props = properties.getOrDefault(files.project().name(), Properties.EMPTY);
            java.util.Set<String> modelFiles = new java.util.HashSet<>();
            files.models().forEach(found -> modelFiles.add(found.stem()));
            for (ProjectFiles.Found found : files.models()) {
                tasks.add(() -> List.of(sqlNode(files.project(), found, ResourceType.MODEL, "models", versioned(props, found, modelFiles))));
            }
            for (ProjectFiles.Found found : files.singularTests()) {
                tasks.add(() -> List.of(sqlNode(files.project(), found, ResourceType.TEST, "tests", props)));
            }
            for (ProjectFiles.Found found : files.analyses()) {
                tasks.add(() -> List.of(sqlNode(files.project(), found, ResourceType.ANALYSIS, "analyses", props)));
            }
            for (ProjectFiles.Found found : files.seeds()) {
                tasks.add(() -> List.of(seedNode(files.project(), found, props)));
            }
            for (ProjectFiles.Found found : files.snapshots()) {
                tasks.add(() -> snapshotBlocks(files.project(), found, props));
            }
            for (Properties.Patch patch : props.patches("snapshots")) {
                if (patch.relation() != null) {
                    tasks.add(() -> List.of(yamlSnapshot(files.project(), patch)));
                }
            }
            tasks.add(() -> new GenericTests(host, rules, rootDir, templates, naming).build(files, props));
            tasks.add(() -> new UnitTests(rules).build(files, props, path -> display(files.project(), path)));
        }
        List<Diagnostic> problems = Collections.synchronizedList(new ArrayList<>());
        List<Node> nodes = tasks.parallelStream()
                .flatMap(task -> {
                    try {
                        return task.get().stream();
                    }
                    catch (SmeltException e) {
                        problems.addAll(e.diagnostics());
                        return java.util.stream.Stream.empty();
                    }
                })
                .toList();
        problems.addAll(UnitTests.check(nodes, host.rootPackage()));
        for (Node node : nodes) {
            // a value rendered from Jinja; literal ones were rejected where they were written
            String notAFlag = NodeConfig.notAFlag("enabled", node.config().get("enabled"));
            if (notAFlag != null && node.resourceType() != ResourceType.TEST) {
                problems.add(new Diagnostic(ErrorKind.PROJECT, node.definedAt(), notAFlag + " (for " + node.uniqueId() + ")", null));
            }
            Object dialect = node.config().get("dialect");
            if (dialect != null && SqlDialect.named(String.valueOf(dialect)).isEmpty()) {
                problems.add(new Diagnostic(ErrorKind.PROJECT, node.definedAt(), "'" + dialect + "' is not a SQL dialect Smelt reads (config dialect of "
                        + node.uniqueId() + ")", "dialect is one of: duckdb, trino, spark"));
            }
        }
        if (!problems.isEmpty()) {
            List<Diagnostic> sorted = new ArrayList<>(problems);
            sorted.sort((a, b) -> String.valueOf(a.at()).compareTo(String.valueOf(b.at())));
            throw new SmeltException(sorted);
        }
        List<Node> enabled = new ArrayList<>();
        List<Node> disabled = new ArrayList<>();
        List<Node> sorted = new ArrayList<>(nodes);
        sorted.sort((a, b) -> a.uniqueId().compareTo(b.uniqueId()));
        for (Node node : sorted) {
            (node.config().enabled() ? enabled : disabled).add(node);
        }
        return new Result(enabled, disabled, Map.copyOf(templates), Map.copyOf(seedFiles), Map.copyOf(parseSql), Map.copyOf(missingVars));
    }

    /**
     * The properties of a model file: a version's when the file defines one (its name is the model's,
     * its fqn ends with {@code v<v>}); the latest version's {@code <name>.sql} only when no
     * {@code <name>_v<latest>.sql} exists, as dbt looks them up.
     */
    private static Properties versioned(Properties props, ProjectFiles.Found found, java.util.Set<String> modelFiles) {
        Properties.Patch patch = props.patch("models", found.stem());
        if (patch != null && patch.version() != null && !patch.version().fileName().equals(found.stem())
                && modelFiles.contains(patch.version().fileName())) {
            return Properties.EMPTY;
        }
        return props;
    }

    private Node sqlNode(DbtProject project, ProjectFiles.Found found, ResourceType type, String resourceKey, Properties props) {
        Path display = display(project, found.path());
        String text = read(project, found.path(), display);
        String name = found.stem();
        Properties.Patch patch = type == ResourceType.MODEL ? props.patch("models", name)
                : type == ResourceType.ANALYSIS ? props.patch("analyses", name) : null;
        List<String> fqn;
        if (patch != null && patch.version() != null) {
            name = patch.name();
            fqn = new ArrayList<>(fqn(project.name(), found, name));
            fqn.add("v" + patch.version().v());
        }
        else {
            fqn = fqn(project.name(), found, name);
        }
        return sqlNode(project, new SqlSource(name, found.path(), display, fqn, text, text,
                new SourcePosition(display, 0, 0)), type, resourceKey, patch);
    }

    /** Where a SQL node's code comes from: a whole file, or one block of it (a snapshot). */
    private record SqlSource(String name, Path path, Path display, List<String> fqn, String rawCode, String templateText,
            SourcePosition at) {
    }

    private Node sqlNode(DbtProject project, SqlSource source, ResourceType type, String resourceKey, Properties.Patch patch) {
        String pkg = project.name();
        Map<String, Object> propsConfig = patch == null ? null : patch.config();
        Map<String, Object> config = rules.resolve(resourceKey, pkg, source.fqn(), propsConfig, null);
        // the key sees the node as its render does, but for the checksum: the code is in it already
        Node keyed = naming.apply(node(type, pkg, source, patch, new NodeConfig(config), null, null, ""));
        String key = ParseCache.key(keyed, source.templateText());
        ParseCache.Entry reused = cache.lookup(keyed.uniqueId(), key, host::envVar);
        String checksum = reused != null && reused.checksum() != null ? reused.checksum() : sha256(source.rawCode());
        Template template;
        ParseCapture capture;
        Set<String> macros;
        String[] rendered = new String[1];
        if (reused != null) {
            template = host.engine().parseLater(pkg, source.display(), source.templateText());
            capture = ParseCapture.of(reused.refs(), reused.sources(), reused.configCalls(), new java.util.TreeSet<>(reused.vars()));
            macros = new java.util.LinkedHashSet<>(reused.directMacros());
            rendered[0] = reused.parseSql();
        }
        else {
            template = host.engine().parse(pkg, source.display(), source.templateText());
            Node draft = naming.apply(node(type, pkg, source, patch, new NodeConfig(config), null, null, checksum));
            capture = new ParseCapture();
            DbtContext context = DbtContext.forParse(host, draft, capture);
            MacroCalls.Recorded calls;
            try {
                calls = MacroCalls.recordingAll(() -> rendered[0] = host.engine().render(template, context.globals(Map.of())));
            }
            catch (SmeltException e) {
                // a var defined nowhere (none here) is the likelier cause of what failed after it
                throw capture.missingVars().isEmpty() ? UndefinedNames.withHint(e, host.engine()) : capture.missingVars().get(0);
            }
            macros = calls.direct();
            if (capture.missingVars().isEmpty()) {
                cache.store(draft.uniqueId(), key, capture.refs(), capture.sources(), capture.configCalls(), capture.vars(),
                        calls.all(), capture.envVars(), calls.direct(), type == ResourceType.MODEL ? rendered[0] : null, checksum);
            }
        }
        if (!capture.configCalls().isEmpty()) {
            Map<String, Object> sqlConfig = new LinkedHashMap<>();
            for (Map<String, Object> call : capture.configCalls()) {
                sqlConfig = ConfigResolver.merge(sqlConfig, ConfigResolver.normalize(call));
            }
            config = rules.resolve(resourceKey, pkg, source.fqn(), propsConfig, sqlConfig);
        }
        Node node = node(type, pkg, source, patch, new NodeConfig(config), capture.refs(), capture.sources(), checksum);
        node = node.withExtra(StateFields.of(rules, resourceKey, pkg, source.fqn(), source.templateText(),
                patch == null ? null : patch.unrenderedConfig(), capture, macros));
        node = naming.apply(node);
        ContractChecks.check(node, patch == null ? null : patch.at());
        templates.put(node.uniqueId(), template);
        if (!capture.missingVars().isEmpty()) {
            missingVars.put(node.uniqueId(), capture.missingVars().get(0));
        }
        // what rendered with a missing var as none is not the SQL that runs
        else if (type == ResourceType.MODEL && rendered[0] != null) {
            parseSql.put(node.uniqueId(), rendered[0]);
        }
        return node;
    }

    /**
     * Each {@code {% snapshot name %} ... {% endsnapshot %}} block of a snapshot file is a snapshot
     * node whose code is the block's body. The template keeps the body at its place in the file (the
     * text before it becomes blank lines), so errors point at the file's own lines.
     */
    private List<Node> snapshotBlocks(DbtProject project, ProjectFiles.Found found, Properties props) {
        Path display = display(project, found.path());
        String text = read(project, found.path(), display);
        List<Node> nodes = new ArrayList<>();
        for (SnapshotBlocks.Block block : SnapshotBlocks.find(text, display)) {
            String padding = "\n".repeat(block.line() - 1) + " ".repeat(block.column() - 1);
            SqlSource source = new SqlSource(block.name(), found.path(), display, fqn(project.name(), found, block.name()),
                    block.body(), padding + block.body(), new SourcePosition(display, block.tagLine(), block.tagColumn()));
            nodes.add(sqlNode(project, source, ResourceType.SNAPSHOT, "snapshots", props.patch("snapshots", block.name())));
        }
        return nodes;
    }

    /** A snapshot defined in YAML ({@code relation: ref('orders')}): it selects every column of that relation. */
    private Node yamlSnapshot(DbtProject project, Properties.Patch patch) {
        Path file = patch.file();
        Path display = display(project, file);
        String code = "select * from {{ " + patch.relation().strip() + " }}";
        List<String> fqn = new ArrayList<>();
        fqn.add(project.name());
        for (String folder : project.snapshotPaths()) {
            Path parent = file.getParent();
            if (parent != null && parent.startsWith(Path.of(folder).normalize())) {
                Path below = Path.of(folder).normalize().relativize(parent);
                below.forEach(part -> {
                    if (!part.toString().isEmpty()) {
                        fqn.add(part.toString());
                    }
                });
                break;
            }
        }
        fqn.add(patch.name());
        SourcePosition at = patch.at() == null ? new SourcePosition(display, 0, 0) : patch.at();
        return sqlNode(project, new SqlSource(patch.name(), file, display, fqn, code, code, at), ResourceType.SNAPSHOT,
                "snapshots", patch);
    }

    private Node seedNode(DbtProject project, ProjectFiles.Found found, Properties props) {
        String pkg = project.name();
        Path display = display(project, found.path());
        String name = found.stem();
        List<String> fqn = fqn(pkg, found, name);
        Properties.Patch patch = props.patch("seeds", name);
        Map<String, Object> config = rules.resolve("seeds", pkg, fqn, patch == null ? null : patch.config(), null);
        Path file = project.projectDir().resolve(found.path()).toAbsolutePath().normalize();
        // as dbt's seed checksum: the file's content, so that state:modified sees a changed CSV
        String checksum = fileSha256(file);
        Node node = naming.apply(node(ResourceType.SEED, pkg, new SqlSource(name, found.path(), display, fqn, "", "",
                new SourcePosition(display, 0, 0)), patch, new NodeConfig(config), null, null, checksum))
                .withExtra(Map.of(StateFields.UNRENDERED_CONFIG,
                        rules.unrendered("seeds", pkg, fqn, patch == null ? null : patch.unrenderedConfig(), null)));
        if (node.config().enabled()) {
            Object delimiter = node.config().get("delimiter");
            SeedCsvCheck.check(file, display, delimiter == null || delimiter.toString().isEmpty() ? ',' : delimiter.toString().charAt(0));
        }
        seedFiles.put(node.uniqueId(), file);
        return node;
    }

    private Node node(ResourceType type, String pkg, SqlSource source, Properties.Patch patch, NodeConfig config,
            List<io.smelt.compiler.graph.RefCall> refs, List<io.smelt.compiler.graph.SourceCall> sources) {
        return node(type, pkg, source, patch, config, refs, sources, sha256(source.rawCode()));
    }

    private Node node(ResourceType type, String pkg, SqlSource source, Properties.Patch patch, NodeConfig config,
            List<io.smelt.compiler.graph.RefCall> refs, List<io.smelt.compiler.graph.SourceCall> sources, String checksum) {
        String uniqueId = type.dbtName() + "." + pkg + "." + source.name()
                + (patch != null && patch.version() != null ? ".v" + patch.version().v() : "");
        return new Node(uniqueId, type, pkg, source.name(), source.path(), patch == null ? null : patch.file(), source.fqn(),
                source.rawCode(), config, patch == null ? null : patch.description(), patch == null ? null : patch.columns(),
                refs, sources, null, null, null, null, null, null, source.at(), checksum, null,
                patch == null ? null : patch.extra());
    }

    static List<String> fqn(String pkg, ProjectFiles.Found found, String name) {
        List<String> fqn = new ArrayList<>();
        fqn.add(pkg);
        fqn.addAll(found.subfolders());
        fqn.add(name);
        return fqn;
    }

    private Path display(DbtProject project, Path path) {
        Path absolute = project.projectDir().toAbsolutePath().normalize().resolve(path);
        return absolute.startsWith(rootDir) ? rootDir.relativize(absolute) : absolute;
    }

    private static String read(DbtProject project, Path path, Path display) {
        return TextFiles.read(project.projectDir().resolve(path), display);
    }

    private static String fileSha256(Path file) {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(file)) {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            byte[] buffer = new byte[1 << 16];
            for (int n = in.read(buffer); n > 0; n = in.read(buffer)) {
                digest.update(buffer, 0, n);
            }
            return HexFormat.of().formatHex(digest.digest());
        }
        catch (java.io.IOException | NoSuchAlgorithmException e) {
            // the CSV check reports an unreadable seed with its file
            return sha256(file.toString());
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
