package io.smelt.compiler.parse;

import io.smelt.compiler.context.ContextHost;
import io.smelt.compiler.context.DbtContext;
import io.smelt.compiler.context.ParseCapture;
import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.NodeConfig;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.jinja.Template;
import io.smelt.compiler.project.ConfigResolver;
import io.smelt.compiler.project.DbtProject;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
     */
    public record Result(List<Node> enabled, List<Node> disabled, Map<String, Template> templates, Map<String, Path> seedFiles) {
    }

    private final ContextHost host;
    private final ConfigResolver rules;
    private final Path rootDir;
    private final RelationNaming naming;
    private final Map<String, Template> templates = new ConcurrentHashMap<>();
    private final Map<String, Path> seedFiles = new ConcurrentHashMap<>();

    public ProjectParser(ContextHost host, ConfigResolver rules, Path rootDir) {
        this.host = host;
        this.rules = rules;
        this.rootDir = rootDir.toAbsolutePath().normalize();
        this.naming = new RelationNaming(host);
    }

    public Result parse(List<ProjectFiles> packages, Map<String, Properties> properties) {
        List<Supplier<List<Node>>> tasks = new ArrayList<>();
        for (ProjectFiles files : packages) {
            Properties props = properties.getOrDefault(files.project().name(), Properties.EMPTY);
            for (ProjectFiles.Found found : files.models()) {
                tasks.add(() -> List.of(sqlNode(files.project(), found, ResourceType.MODEL, "models", props)));
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
            tasks.add(() -> new GenericTests(host, rules, rootDir, templates).build(files, props));
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
        return new Result(enabled, disabled, Map.copyOf(templates), Map.copyOf(seedFiles));
    }

    private Node sqlNode(DbtProject project, ProjectFiles.Found found, ResourceType type, String resourceKey, Properties props) {
        String pkg = project.name();
        Path display = display(project, found.path());
        String text = read(project, found.path(), display);
        String name = found.stem();
        List<String> fqn = fqn(pkg, found, name);
        Properties.Patch patch = type == ResourceType.MODEL ? props.patch("models", name)
                : type == ResourceType.ANALYSIS ? props.patch("analyses", name) : null;
        Map<String, Object> propsConfig = patch == null ? null : patch.config();
        Map<String, Object> config = rules.resolve(resourceKey, pkg, fqn, propsConfig, null);
        Template template = host.engine().parse(pkg, display, text);
        Node draft = node(type, pkg, name, found.path(), patch, fqn, text, new NodeConfig(config), display, null, null);
        draft = naming.apply(draft);
        ParseCapture capture = new ParseCapture();
        DbtContext context = DbtContext.forParse(host, draft, capture);
        try {
            host.engine().render(template, context.globals(Map.of()));
        }
        catch (SmeltException e) {
            throw UndefinedNames.withHint(e, host.engine());
        }
        if (!capture.configCalls().isEmpty()) {
            Map<String, Object> sqlConfig = new LinkedHashMap<>();
            for (Map<String, Object> call : capture.configCalls()) {
                sqlConfig = ConfigResolver.merge(sqlConfig, ConfigResolver.normalize(call));
            }
            config = rules.resolve(resourceKey, pkg, fqn, propsConfig, sqlConfig);
        }
        Node node = node(type, pkg, name, found.path(), patch, fqn, text, new NodeConfig(config), display,
                capture.refs(), capture.sources());
        node = naming.apply(node);
        templates.put(node.uniqueId(), template);
        return node;
    }

    private Node seedNode(DbtProject project, ProjectFiles.Found found, Properties props) {
        String pkg = project.name();
        Path display = display(project, found.path());
        String name = found.stem();
        List<String> fqn = fqn(pkg, found, name);
        Properties.Patch patch = props.patch("seeds", name);
        Map<String, Object> config = rules.resolve("seeds", pkg, fqn, patch == null ? null : patch.config(), null);
        Node node = naming.apply(node(ResourceType.SEED, pkg, name, found.path(), patch, fqn, "", new NodeConfig(config),
                display, null, null));
        seedFiles.put(node.uniqueId(), project.projectDir().resolve(found.path()).toAbsolutePath().normalize());
        return node;
    }

    private Node node(ResourceType type, String pkg, String name, Path path, Properties.Patch patch, List<String> fqn,
            String text, NodeConfig config, Path display, List<io.smelt.compiler.graph.RefCall> refs,
            List<io.smelt.compiler.graph.SourceCall> sources) {
        String uniqueId = type.dbtName() + "." + pkg + "." + name;
        return new Node(uniqueId, type, pkg, name, path, patch == null ? null : patch.file(), fqn, text, config,
                patch == null ? null : patch.description(), patch == null ? null : patch.columns(), refs, sources, null,
                null, null, null, null, null, new SourcePosition(display, 0, 0), sha256(text));
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
        try {
            return Files.readString(project.projectDir().resolve(path), StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new SmeltException(ErrorKind.PROJECT, SourcePosition.of(display), "cannot read the file: " + e.getMessage(), null);
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
