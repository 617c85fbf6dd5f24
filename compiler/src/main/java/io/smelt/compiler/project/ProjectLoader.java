package io.smelt.compiler.project;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static java.util.Objects.requireNonNull;

/** Reads dbt_project.yml as dbt does: defaults for absent keys, Jinja rendered where dbt renders it. */
public final class ProjectLoader {
    public static final String FILE_NAME = "dbt_project.yml";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final String FOLDERS = "a list of folder names";

    /** Resource keys whose value is a tree of configs by package and folder. */
    static final Set<String> CONFIG_TREE_KEYS = Set.of("models", "seeds", "tests", "data_tests", "snapshots", "sources",
            "analyses", "exposures", "metrics", "semantic-models", "saved-queries", "unit_tests", "functions");

    /** Hooks inside config trees stay raw Jinja; the compiler renders them per node. */
    static final Set<String> HOOK_KEYS = Set.of("pre-hook", "post-hook", "pre_hook", "post_hook",
            "+pre-hook", "+post-hook", "+pre_hook", "+post_hook");

    private static final Set<String> KNOWN_KEYS = Set.of("name", "version", "config-version", "profile",
            "model-paths", "seed-paths", "macro-paths", "test-paths", "snapshot-paths", "analysis-paths", "docs-paths",
            "asset-paths", "function-paths", "target-path", "log-path", "packages-install-path", "clean-targets", "vars",
            "on-run-start", "on-run-end", "require-dbt-version", "dispatch", "quoting", "query-comment", "flags",
            "restrict-access", "dbt-cloud");

    private static final Map<String, String> RENAMED_KEYS = Map.of("source-paths", "model-paths", "data-paths", "seed-paths",
            "modules-path", "packages-install-path");

    private ProjectLoader() {
    }

    /**
     * Loads the root project's dbt_project.yml.
     *
     * @param cliVars {@code --vars}; inside dbt_project.yml {@code var()} sees only these, so the
     *     renderer is expected to be built from them
     * @param environment the process environment: {@code DBT_TARGET_PATH} and {@code DBT_LOG_PATH}
     *     override {@code target-path} and {@code log-path}, as in dbt
     * @throws SmeltException when the file is missing, is not valid YAML or has a value of the wrong type
     */
    public static DbtProject load(Path projectDir, Map<String, Object> cliVars, Map<String, String> environment,
            YamlRenderer renderer) {
        requireNonNull(cliVars, "cliVars is null");
        DbtProject project = load(projectDir, Path.of(FILE_NAME), renderer);
        String targetPath = nonBlank(environment.get("DBT_TARGET_PATH"));
        String logPath = nonBlank(environment.get("DBT_LOG_PATH"));
        if (targetPath == null && logPath == null) {
            return project;
        }
        return new DbtProject(project.projectDir(), project.file(), project.name(), project.version(), project.configVersion(),
                project.profile(), project.modelPaths(), project.seedPaths(), project.macroPaths(), project.testPaths(),
                project.snapshotPaths(), project.analysisPaths(), project.docsPaths(), project.assetPaths(),
                targetPath == null ? project.targetPath() : targetPath, logPath == null ? project.logPath() : logPath,
                project.packagesInstallPath(), project.cleanTargets(), project.vars(), project.configTrees(),
                project.onRunStart(), project.onRunEnd(), project.requireDbtVersion(), project.dispatch(), project.quoting(),
                project.queryComment(), project.flags(), project.positions(), project.warnings(), project.unrenderedConfigTrees());
    }

    /** Loads one dbt_project.yml, naming it {@code displayFile} in positions and messages. */
    public static DbtProject load(Path projectDir, Path displayFile, YamlRenderer renderer) {
        requireNonNull(projectDir, "projectDir is null");
        requireNonNull(renderer, "renderer is null");
        Path path = projectDir.resolve(FILE_NAME);
        if (!Files.isRegularFile(path)) {
            String where = Files.isDirectory(projectDir) ? "no " + FILE_NAME + " in " + projectDir
                    : "the project folder " + projectDir + " does not exist";
            throw new SmeltException(ErrorKind.PROJECT, SourcePosition.of(path), where,
                    "run from a dbt project's folder, pass --project-dir, or create a project with `smelt init`");
        }
        String text = TextFiles.read(path, displayFile);
        YamlReader yaml = new YamlReader(displayFile, ErrorKind.PROJECT, renderer);
        Node root = yaml.compose(text);
        if (YamlReader.isNull(root)) {
            throw new SmeltException(ErrorKind.PROJECT, new SourcePosition(displayFile, 1, 1), FILE_NAME + " is empty",
                    "add at least `name: my_project` and `profile: my_profile`");
        }
        if (!(root instanceof MappingNode)) {
            throw yaml.expected(root, FILE_NAME, "a mapping of settings (key: value)", null);
        }
        return new Reader(projectDir, yaml, yaml.mapping(root, FILE_NAME)).read();
    }

    private static String nonBlank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static final class Reader {
        private final Path projectDir;
        private final YamlReader yaml;
        private final Map<String, YamlReader.Entry> entries;
        private final List<YamlWarning> warnings = new ArrayList<>();

        Reader(Path projectDir, YamlReader yaml, Map<String, YamlReader.Entry> entries) {
            this.projectDir = projectDir;
            this.yaml = yaml;
            this.entries = entries;
        }

        DbtProject read() {
            Map<String, SourcePosition> positions = new LinkedHashMap<>();
            Map<String, Map<String, Object>> trees = new LinkedHashMap<>();
            Map<String, Map<String, Object>> rawTrees = new LinkedHashMap<>();
            for (YamlReader.Entry entry : entries.values()) {
                positions.put(entry.key(), yaml.at(entry.keyNode()));
                checkKey(entry, trees);
                if (trees.containsKey(entry.key())) {
                    rawTrees.put(entry.key(), yaml.rawMap(entry.value(), entry.key()));
                }
            }
            if (trees.containsKey("tests") && trees.containsKey("data_tests")) {
                throw yaml.error(entries.get("data_tests").keyNode(), "both tests: and data_tests: are set; dbt reads only one",
                        "move the configs under data_tests: (the newer name) and remove tests:");
            }
            String name = name();
            List<String> modelPaths = paths("model-paths", "models");
            List<String> seedPaths = paths("seed-paths", "seeds");
            List<String> macroPaths = paths("macro-paths", "macros");
            List<String> testPaths = paths("test-paths", "tests");
            List<String> snapshotPaths = paths("snapshot-paths", "snapshots");
            List<String> analysisPaths = paths("analysis-paths", "analyses");
            LinkedHashSet<String> allResourcePaths = new LinkedHashSet<>();
            for (List<String> paths : List.of(modelPaths, seedPaths, snapshotPaths, analysisPaths, macroPaths)) {
                allResourcePaths.addAll(paths);
            }
            List<String> docsPaths = entries.containsKey("docs-paths") ? paths("docs-paths", null) : List.copyOf(allResourcePaths);
            String targetPath = folder("target-path", "target");
            List<String> cleanTargets = entries.containsKey("clean-targets") ? paths("clean-targets", null) : List.of(targetPath);
            return new DbtProject(
                    projectDir,
                    yaml.file(),
                    name,
                    yaml.text(node("version"), "version"),
                    configVersion(),
                    yaml.text(node("profile"), "profile"),
                    modelPaths,
                    seedPaths,
                    macroPaths,
                    testPaths,
                    snapshotPaths,
                    analysisPaths,
                    docsPaths,
                    paths("asset-paths", null),
                    targetPath,
                    folder("log-path", "logs"),
                    folder("packages-install-path", "dbt_packages"),
                    cleanTargets,
                    yaml.rawMap(node("vars"), "vars"),
                    trees,
                    yaml.textList(node("on-run-start"), "on-run-start", "a SQL statement or a list of them", true, false),
                    yaml.textList(node("on-run-end"), "on-run-end", "a SQL statement or a list of them", true, false),
                    yaml.textList(node("require-dbt-version"), "require-dbt-version", "a version range or a list of them", true, true),
                    dispatch(),
                    yaml.map(node("quoting"), "quoting", Set.of()),
                    queryComment(),
                    yaml.map(node("flags"), "flags", Set.of()),
                    positions,
                    warnings,
                    rawTrees);
        }

        private void checkKey(YamlReader.Entry entry, Map<String, Map<String, Object>> trees) {
            String key = entry.key();
            if (CONFIG_TREE_KEYS.contains(key)) {
                yaml.checkFlags(entry.value());
                trees.put(key, yaml.nativeMap(entry.value(), key, HOOK_KEYS));
                return;
            }
            if (KNOWN_KEYS.contains(key)) {
                return;
            }
            String renamed = RENAMED_KEYS.get(key);
            if (renamed != null) {
                throw yaml.error(entry.keyNode(), "'" + key + "' was renamed to '" + renamed + "' in dbt 1.0",
                        "rename the key to " + renamed + ":");
            }
            List<String> known = new ArrayList<>(KNOWN_KEYS);
            known.addAll(CONFIG_TREE_KEYS);
            String suggestion = Names.suggestion(key, known);
            warnings.add(new YamlWarning(yaml.at(entry.keyNode()), "unknown key '" + key + "' in " + FILE_NAME + " is ignored"
                    + (suggestion == null ? "" : "; did you mean '" + suggestion + "'?")));
        }

        private Node node(String key) {
            YamlReader.Entry entry = entries.get(key);
            return entry == null ? null : entry.value();
        }

        private String name() {
            YamlReader.Entry entry = entries.get("name");
            if (entry == null || YamlReader.isNull(entry.value())) {
                throw new SmeltException(ErrorKind.PROJECT,
                        entry == null ? new SourcePosition(yaml.file(), 1, 1) : yaml.at(entry.keyNode()),
                        FILE_NAME + " has no name:", "add `name: my_project` (letters, digits and underscores)");
            }
            String name = yaml.text(entry.value(), "name");
            if (!IDENTIFIER.matcher(name).matches()) {
                throw yaml.error(entry.value(), "the project name '" + name + "' is not a valid name: use letters, digits and "
                        + "underscores, not starting with a digit", "for example `name: " + suggestName(name) + "`");
            }
            return name;
        }

        private static String suggestName(String name) {
            String cleaned = name.replaceAll("[^A-Za-z0-9_]", "_");
            return cleaned.isEmpty() || Character.isDigit(cleaned.charAt(0)) ? "project_" + cleaned : cleaned;
        }

        private Integer configVersion() {
            Node node = node("config-version");
            if (YamlReader.isNull(node)) {
                return null;
            }
            if (!(node instanceof ScalarNode scalar) || !Tag.INT.equals(scalar.getTag())) {
                throw yaml.expected(node, "config-version", "the number 2", null);
            }
            if (!scalar.getValue().equals("2")) {
                throw yaml.error(node, "config-version " + scalar.getValue() + " is not supported; dbt 1.0 and later read version 2",
                        "set config-version: 2 (or remove the key)");
            }
            return 2;
        }

        private List<String> paths(String key, String defaultFolder) {
            Node node = node(key);
            if (node == null) {
                return defaultFolder == null ? List.of() : List.of(defaultFolder);
            }
            return yaml.textList(node, key, FOLDERS, true, true);
        }

        private String folder(String key, String defaultFolder) {
            Node node = node(key);
            if (YamlReader.isNull(node)) {
                return defaultFolder;
            }
            if (!(node instanceof ScalarNode)) {
                throw yaml.expected(node, key, "a folder name", null);
            }
            return yaml.text(node, key);
        }

        private Map<String, List<String>> dispatch() {
            Map<String, List<String>> dispatch = new LinkedHashMap<>();
            String shape = "a list of {macro_namespace: ..., search_order: [...]} entries";
            for (Node item : yaml.list(node("dispatch"), "dispatch", shape)) {
                Map<String, YamlReader.Entry> fields = yaml.mapping(item, "dispatch entry");
                YamlReader.Entry namespace = fields.get("macro_namespace");
                YamlReader.Entry order = fields.get("search_order");
                if (namespace == null || order == null) {
                    throw yaml.error(item, "each dispatch entry needs macro_namespace: and search_order:",
                            "for example {macro_namespace: dbt_utils, search_order: [my_project, dbt_utils]}");
                }
                dispatch.put(yaml.text(namespace.value(), "macro_namespace"),
                        yaml.textList(order.value(), "search_order", "a list of package names", false, true));
            }
            return dispatch;
        }

        private Object queryComment() {
            YamlReader.Entry entry = entries.get("query-comment");
            if (entry == null) {
                return null;
            }
            if (YamlReader.isNull(entry.value())) {
                return "";
            }
            return yaml.value(entry.value(), Set.of(), false);
        }
    }
}
