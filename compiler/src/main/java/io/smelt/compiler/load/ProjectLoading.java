package io.smelt.compiler.load;

import io.smelt.compiler.project.ProjectOptions;
import io.smelt.compiler.result.RunListener;
import io.smelt.adapter.Adapter;
import io.smelt.adapter.AdapterConfigException;
import io.smelt.adapter.AdapterFactory;
import io.smelt.adapter.TargetConfig;


import io.smelt.compiler.diag.Diagnostic;
import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.graph.GraphLinker;
import io.smelt.compiler.graph.MacroInfo;
import io.smelt.compiler.graph.Manifest;
import io.smelt.compiler.graph.Node;
import io.smelt.compiler.graph.ResourceType;
import io.smelt.compiler.jinja.JinjaEngine;
import io.smelt.compiler.jinja.MacroSource;
import io.smelt.compiler.parse.MacroDependencies;
import io.smelt.compiler.parse.DocsBlocks;
import io.smelt.compiler.parse.Exposures;
import io.smelt.compiler.parse.PackageProperties;
import io.smelt.compiler.parse.ProjectFiles;
import io.smelt.compiler.parse.ParseCache;
import io.smelt.compiler.parse.ProjectParser;
import io.smelt.compiler.project.ConfigResolver;
import io.smelt.compiler.project.DbtProject;
import io.smelt.compiler.project.TextFiles;
import io.smelt.compiler.project.PackageFinder;
import io.smelt.compiler.project.ProfileLoader;
import io.smelt.compiler.project.ProfileResult;
import io.smelt.compiler.project.ProjectLoader;
import io.smelt.compiler.project.SchemaFile;
import io.smelt.compiler.project.SchemaFileParser;
import io.smelt.compiler.project.Vars;
import io.smelt.compiler.project.YamlRenderer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/** Loads a project: dbt_project.yml, packages, profile, engine, macros, every file, the linked graph. */
public final class ProjectLoading {
    /** Dbt's own macros, shipped with the compiler as the internal package {@code dbt}. */
    static final String INTERNAL_PACKAGE = "dbt";
    private static final List<String> INTERNAL_MACROS = List.of(
            "naming.sql", "statements.sql", "relations.sql", "incremental.sql", "snapshot.sql", "tests.sql", "cross_db.sql",
            "global_utils.sql", "global_adapters.sql", "global_relations.sql", "global_changes.sql", "freshness.sql", "contracts.sql", "catalog.sql");
    /**
     * dbt_utils' tests and macros, shipped with the compiler for projects that have not installed the
     * package; an installed dbt_utils replaces them.
     */
    static final String DBT_UTILS_PACKAGE = "dbt_utils";
    private static final List<String> DBT_UTILS_MACROS = List.of("dbt_utils/tests.sql", "dbt_utils/sql.sql");

    private ProjectLoading() {
    }

    /** What was read before the engine is needed: enough for {@code clean} and {@code debug}. */
    public record Files0(Path projectDir, Map<String, Object> cliVars, YamlRenderer renderer, DbtProject root) {
    }

    /**
     * Reads dbt_project.yml before the profile is known, as dbt's partial project does: values that
     * mention {@code target} stay unrendered (enough for the profile name, paths, clean and deps).
     */
    public static Files0 readProject(ProjectOptions options) {
        Path projectDir = options.projectDir().toAbsolutePath().normalize();
        Map<String, Object> cliVars = Vars.parseCliVars(options.varsYaml());
        YamlRenderer renderer = YamlRenderers.of(cliVars, options.environment(), null);
        DbtProject root = ProjectLoader.load(projectDir, cliVars, options.environment(), YamlRenderers.withoutTarget(renderer));
        return new Files0(projectDir, cliVars, renderer, root);
    }

    public static LoadedProject load(ProjectOptions options, RunListener listener, List<AdapterFactory> factories) {
        Files0 partial = readProject(options);
        io.smelt.compiler.diag.Phases.done("read dbt_project.yml");
        ProfileResult profile = ProfileLoader.load(options, partial.root(), partial.renderer());
        TargetConfig target = target(profile, partial.root(), factories, listener);
        Adapter adapter = createAdapter(profile, target, factories);
        io.smelt.compiler.diag.Phases.done("profile and adapter");
        try {
            // dbt renders dbt_project.yml (the root's and every package's) with the target defined
            YamlRenderer renderer = YamlRenderers.of(partial.cliVars(), options.environment(),
                    LoadedProject.targetObject(target, adapter));
            DbtProject root = ProjectLoader.load(partial.projectDir(), partial.cliVars(), options.environment(), renderer);
            Files0 files = new Files0(partial.projectDir(), partial.cliVars(), renderer, root);
            List<DbtProject> packages = PackageFinder.find(root, renderer);
            return build(options, files, packages, target, adapter, listener);
        }
        catch (RuntimeException | Error e) {
            adapter.close();
            throw e;
        }
    }

    private static LoadedProject build(ProjectOptions options, Files0 files, List<DbtProject> packages, TargetConfig target,
            Adapter adapter, RunListener listener) {
        DbtProject root = files.root();
        List<String> warnings = new ArrayList<>();
        root.warnings().forEach(w -> warnings.add(warning(w)));
        packages.forEach(p -> p.warnings().forEach(w -> warnings.add(warning(w))));
        Map<String, DbtProject> byName = new LinkedHashMap<>();
        byName.put(root.name(), root);
        packages.forEach(p -> byName.put(p.name(), p));
        List<ProjectFiles> scanned = byName.values().parallelStream().map(ProjectFiles::scan).toList();
        io.smelt.compiler.diag.Phases.done("scanned files");

        String enginePackage = "dbt_" + adapter.type();
        List<MacroSource> macros = new ArrayList<>(builtInMacros(INTERNAL_PACKAGE, INTERNAL_MACROS));
        Map<String, List<String>> dispatch = new LinkedHashMap<>(root.dispatch());
        if (!byName.containsKey(DBT_UTILS_PACKAGE)) {
            macros.addAll(builtInMacros(DBT_UTILS_PACKAGE, DBT_UTILS_MACROS));
        }
        // The engine's module holds its <engine>__ versions of dbt_utils macros, as a shim package such
        // as trino_utils does: searched right before dbt_utils, built-in or installed, also when the
        // project sets the namespace's order itself (dbt_utils' default__ SQL often fails on the engine).
        dispatch.put(DBT_UTILS_PACKAGE, withEngineShim(dispatch.get(DBT_UTILS_PACKAGE), root.name(), enginePackage));
        adapter.macroResources().forEach((name, text) -> macros.add(new MacroSource(enginePackage, Path.of(name), text)));
        for (ProjectFiles pkg : scanned) {
            for (ProjectFiles.Found found : pkg.macros()) {
                macros.add(new MacroSource(pkg.project().name(), display(root, pkg.project(), found.path()),
                        read(pkg.project(), found.path())));
            }
        }
        JinjaEngine engine = JinjaEngine.create(new JinjaEngine.Options(root.name(), List.of(enginePackage, INTERNAL_PACKAGE),
                adapter.dispatchOrder(), dispatch), macros);
        io.smelt.compiler.diag.Phases.done("macros loaded");

        Vars vars = Vars.of(files.cliVars(), root, packages);
        Manifest empty = new Manifest(root.name(), adapter.type(), Map.of(), Map.of(), Map.of());
        LoadedProject parseHost = new LoadedProject(root, byName, engine, adapter, target, empty, Map.of(), Map.of(), Map.of(), Map.of(),
                varLookup(vars), vars.cliVars(), options.environment(), options.invocationId());
        YamlRenderer schemaRenderer = YamlRenderers.forProperties(parseHost);
        DocsBlocks docs = DocsBlocks.read(root.name(), scanned, text -> schemaRenderer.render(text, null));
        Map<String, io.smelt.compiler.parse.Properties> properties = new HashMap<>();
        ConfigResolver rules = new ConfigResolver(root, packages);
        List<Node> exposures = new ArrayList<>();
        List<Diagnostic> yamlProblems = new ArrayList<>();
        for (ProjectFiles pkg : scanned) {
            List<SchemaFile> schemaFiles = new ArrayList<>();
            YamlRenderer descriptions = YamlRenderers.forDescriptions(parseHost, docs, pkg.project().name());
            pkg.yaml().parallelStream().map(found -> {
                try {
                    return SchemaFileParser.parse(found.path(), read(pkg.project(), found.path()), schemaRenderer, descriptions);
                }
                catch (SmeltException e) {
                    synchronized (yamlProblems) {
                        yamlProblems.addAll(e.diagnostics());
                    }
                    return null;
                }
            }).forEachOrdered(file -> {
                if (file != null) {
                    schemaFiles.add(file);
                    file.warnings().forEach(w -> warnings.add(warning(w)));
                    file.ignoredSections().forEach(section -> warnings.add(file.path() + ": '" + section
                            + ":' is not supported yet and was skipped"));
                }
            });
            properties.put(pkg.project().name(), new PackageProperties(schemaFiles));
            try {
                exposures.addAll(Exposures.of(pkg.project().name(), schemaFiles, rules));
            }
            catch (SmeltException e) {
                yamlProblems.addAll(e.diagnostics());
            }
        }
        if (!yamlProblems.isEmpty()) {
            throw new SmeltException(yamlProblems);
        }
        io.smelt.compiler.diag.Phases.done("schema files");

        ParseCache cache = partialParse(options) ? ParseCache.load(root.targetDir().toAbsolutePath(),
                cacheKey(files, byName.values(), adapter, parseHost, engine), macroHashes(engine)) : ParseCache.off();
        ProjectParser.Result parsed = new ProjectParser(parseHost, rules, files.projectDir(), cache)
                .parse(scanned, properties);
        cache.save();
        listener.message(RunListener.Level.DEBUG, cache.summary());
        io.smelt.compiler.diag.Phases.done("parsed nodes");

        MacroDependencies macroDependencies = new MacroDependencies(engine, engine.macros());
        // a regex scan of every node's code: on both cores, in order
        List<Node> all = new ArrayList<>(parsed.enabled().parallelStream().map(macroDependencies::withDependencies).toList());
        all.addAll(parsed.disabled().parallelStream().map(macroDependencies::withDependencies).toList());
        all.addAll(exposures);
        GraphLinker.Result linked = GraphLinker.linkAll(all, root.name());
        io.smelt.compiler.diag.Phases.done("linked");
        linked.warnings().forEach(w -> warnings.add((w.at() == null ? "" : w.at() + ": ") + w.message()));
        for (ProjectFiles pkg : scanned) {
            pkg.skipped().forEach(s -> warnings.add(display(root, pkg.project(), s.path()) + ": " + s.reason()));
            pkg.unsupported().forEach(path -> warnings.add(display(root, pkg.project(), path)
                    + ": Python models are not supported yet; this model was skipped"));
        }
        warnings.forEach(w -> listener.message(RunListener.Level.WARN, w));
        Map<String, Node> nodes = new LinkedHashMap<>();
        Map<String, Node> linkedExposures = new LinkedHashMap<>();
        linked.nodes().forEach(n -> (n.resourceType() == ResourceType.EXPOSURE ? linkedExposures : nodes).put(n.uniqueId(), n));
        Map<String, Node> disabled = new LinkedHashMap<>();
        linked.disabled().forEach(n -> disabled.put(n.uniqueId(), n));
        Map<String, MacroInfo> macroInfos = new TreeMap<>();
        engine.macros().forEach(m -> macroInfos.put(m.uniqueId(), macroDependencies.withDependencies(m)));
        Manifest manifest = new Manifest(root.name(), adapter.type(), nodes, macroInfos, disabled, docs.all(), linkedExposures);
        return new LoadedProject(root, byName, engine, adapter, target, manifest, parsed.templates(), parsed.parseSql(), parsed.missingVars(), parsed.seedFiles(),
                varLookup(vars), vars.cliVars(), options.environment(), options.invocationId());
    }

    /** dbt's {@code --no-partial-parse} (or {@code DBT_PARTIAL_PARSE=false}) turns the cache off. */
    private static boolean partialParse(ProjectOptions options) {
        String flag = options.environment().get("DBT_PARTIAL_PARSE");
        return flag == null || !(flag.equalsIgnoreCase("false") || flag.equals("0"));
    }

    /** What every parse-time render may read besides its own node: see {@link ParseCache}. */
    private static String cacheKey(Files0 files, java.util.Collection<DbtProject> projects, Adapter adapter, LoadedProject host,
            JinjaEngine engine) {
        List<String> parts = new ArrayList<>();
        parts.add(adapter.type());
        parts.add(new TreeMap<>(host.target()).toString());
        parts.add(String.valueOf(files.cliVars()));
        for (DbtProject project : projects) {
            Path dir = project.projectDir().toAbsolutePath().normalize();
            parts.add(project.name() + "@" + dir);
            for (String name : List.of("dbt_project.yml", "dbt_project.yaml")) {
                Path yml = dir.resolve(name);
                if (Files.isRegularFile(yml)) {
                    parts.add(TextFiles.read(yml, yml));
                }
            }
        }
        engine.macros().forEach(m -> parts.add(m.uniqueId() + "@" + m.path()));
        return ParseCache.globalKey(parts);
    }

    private static java.util.function.Function<String, String> macroHashes(JinjaEngine engine) {
        Map<String, MacroInfo> byId = new HashMap<>();
        engine.macros().forEach(m -> byId.put(m.uniqueId(), m));
        Map<String, String> hashes = new java.util.concurrent.ConcurrentHashMap<>();
        return id -> {
            MacroInfo macro = byId.get(id);
            return macro == null ? null : hashes.computeIfAbsent(id, k -> io.smelt.compiler.graph.ContentHash.of(macro.sql()));
        };
    }

    private static String warning(io.smelt.compiler.project.YamlWarning warning) {
        return (warning.at() == null ? "" : warning.at() + ": ") + warning.message();
    }


    private static List<String> withEngineShim(List<String> order, String rootName, String enginePackage) {
        if (order == null) {
            return List.of(rootName, enginePackage, DBT_UTILS_PACKAGE);
        }
        int utils = order.indexOf(DBT_UTILS_PACKAGE);
        if (utils < 0 || order.contains(enginePackage)) {
            return order;
        }
        List<String> shimmed = new ArrayList<>(order);
        shimmed.add(utils, enginePackage);
        return List.copyOf(shimmed);
    }

    public static TargetConfig target(ProfileResult profile, DbtProject root, List<AdapterFactory> factories, RunListener listener) {
        if (profile instanceof ProfileResult.Found found) {
            return found.target();
        }
        ProfileResult.Implicit implicit = (ProfileResult.Implicit) profile;
        for (AdapterFactory factory : factories) {
            Optional<Map<String, Object>> fields = factory.implicitTarget(implicit.targetPath(), root.name());
            if (fields.isPresent()) {
                TargetConfig target = implicit.toTargetConfig(fields.get());
                Object path = target.fields().get("path");
                Path file = path == null ? null : Path.of(path.toString());
                String where = file == null ? "" : " at " + (file.startsWith(implicit.projectDir())
                        ? implicit.projectDir().relativize(file) : file);
                // Said once: when the database is about to be created; later runs only log it.
                boolean first = file == null || !Files.exists(file);
                listener.message(first ? RunListener.Level.INFO : RunListener.Level.DEBUG,
                        implicit.reason() + "; using an embedded " + factory.type() + " database" + where);
                return target;
            }
        }
        throw new SmeltException(ErrorKind.PROFILE, null, implicit.reason() + ", and no embedded engine is available",
                "create a profiles.yml (see docs/reference/profiles.md)");
    }

    /** The engine for {@code target}; an error in its fields points at their line when they came from profiles.yml. */
    public static Adapter createAdapter(ProfileResult profile, TargetConfig target, List<AdapterFactory> factories) {
        ProfileResult.Found found = profile instanceof ProfileResult.Found f ? f : null;
        for (AdapterFactory factory : factories) {
            if (factory.type().equals(target.type())) {
                try {
                    return factory.create(target);
                }
                catch (AdapterConfigException e) {
                    throw new SmeltException(ErrorKind.PROFILE, found == null ? null : found.positionFor(e.getMessage()),
                            "target '" + target.targetName() + "' of profile '" + target.profileName() + "': " + e.getMessage(),
                            e.hint(), e);
                }
            }
        }
        List<String> types = factories.stream().map(AdapterFactory::type).sorted().toList();
        throw new SmeltException(ErrorKind.PROFILE, found == null ? null : found.positionFor("profile field 'type'"),
                "profile '" + target.profileName() + "' target '" + target.targetName() + "' has type '" + target.type()
                        + "', which no installed engine serves",
                "use one of: " + String.join(", ", types));
    }

    public static List<AdapterFactory> factories() {
        List<AdapterFactory> found = new ArrayList<>();
        ServiceLoader.load(AdapterFactory.class).forEach(found::add);
        return found;
    }

    private static java.util.function.BiFunction<String, String, Object> varLookup(Vars vars) {
        return (pkg, name) -> {
            Map<String, Object> visible = vars.forPackage(pkg);
            return visible.containsKey(name) ? visible.get(name) : LoadedProject.NO_VAR;
        };
    }


    private static List<MacroSource> builtInMacros(String packageName, List<String> files) {
        List<MacroSource> sources = new ArrayList<>();
        for (String name : files) {
            String resource = "/io/smelt/compiler/macros/" + name;
            try (InputStream in = ProjectLoading.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("missing built-in macros " + resource);
                }
                sources.add(new MacroSource(packageName, Path.of("smelt", "macros", name),
                        new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return sources;
    }

    static Path display(DbtProject root, DbtProject project, Path path) {
        Path base = root.projectDir().toAbsolutePath().normalize();
        Path absolute = project.projectDir().toAbsolutePath().normalize().resolve(path);
        return absolute.startsWith(base) ? base.relativize(absolute) : absolute;
    }

    private static String read(DbtProject project, Path path) {
        return TextFiles.read(project.projectDir().resolve(path), path);
    }
}
