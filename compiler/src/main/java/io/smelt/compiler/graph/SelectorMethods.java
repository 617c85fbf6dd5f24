package io.smelt.compiler.graph;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.IntPredicate;
import java.util.function.Predicate;

/** The node test behind each selector method, following dbt's {@code selector_methods.py}. */
final class SelectorMethods {
    private static final Set<String> DBT_ONLY_RESOURCE_TYPES = Set.of("exposure", "metric", "unit_test",
            "semantic_model", "saved_query", "sql_operation", "rpc", "doc", "macro", "group", "function", "fixture");

    private final DependencyGraph graph;
    private final String rootPackage;
    private final Map<String, Path> packageDirs;
    private volatile String[][] projectPaths;
    private volatile List<String>[] tags;
    private final Map<String, SelectorMethod> extensions = new java.util.concurrent.ConcurrentHashMap<>();

    /** @param packageDirs each package's folder relative to the project root; the root package's is empty */
    SelectorMethods(DependencyGraph graph, String rootPackage, Map<String, Path> packageDirs) {
        this.graph = graph;
        this.rootPackage = rootPackage;
        this.packageDirs = packageDirs;
    }

    /** The warnings of the registered methods' matching since last asked. */
    List<String> takeWarnings() {
        List<String> warnings = new ArrayList<>();
        extensions.values().forEach(method -> warnings.addAll(method.takeWarnings()));
        return warnings;
    }

    void register(String method, SelectorMethod selectorMethod) {
        extensions.put(method, selectorMethod);
    }

    /** Whether the node at each graph index matches the criterion's method and value. */
    IntPredicate predicate(SelectionCriterion criterion) {
        if (criterion.method().equals("path")) {
            return path(criterion.value());
        }
        if (criterion.method().equals("tag")) {
            return tag(criterion.value());
        }
        Predicate<Node> predicate = nodePredicate(criterion);
        return i -> predicate.test(graph.nodeAt(i));
    }

    private Predicate<Node> nodePredicate(SelectionCriterion criterion) {
        String value = criterion.value();
        return switch (criterion.method()) {
            case "fqn" -> fqn(value);
            case "file" -> file(value);
            case "package" -> pkg(value);
            case "resource_type" -> resourceType(criterion);
            case "source" -> source(criterion);
            case "config" -> new ConfigMatch(criterion.arguments(), value);
            case "test_name" -> testName(value);
            case "test_type" -> testType(criterion);
            case "access" -> node -> node.resourceType() == ResourceType.MODEL
                    && value.equals(node.config().string("access", "protected"));
            case "group" -> node -> value.equals(node.config().string("group", null));
            case "version" -> version(criterion);
            default -> extension(criterion);
        };
    }

    private Predicate<Node> extension(SelectionCriterion criterion) {
        SelectorMethod method = extensions.get(criterion.method());
        if (method != null) {
            return method.matcher(criterion);
        }
        if (SelectionCriterion.STATE_METHODS.contains(criterion.method())) {
            throw new SmeltException(ErrorKind.SELECTOR, null, "selector '" + criterion.raw()
                    + "' compares with a previous run, and no state was given", "add --state DIR, the folder of that run's artifacts");
        }
        return node -> false;
    }

    /** dbt's {@code version:} method: {@code latest}, {@code prerelease} (after the latest), {@code old} or {@code none}. */
    private static Predicate<Node> version(SelectionCriterion criterion) {
        String value = criterion.value();
        return switch (value) {
            case "latest" -> node -> isModel(node) && ModelVersions.versionOf(node) != null
                    && ModelVersions.sameVersion(ModelVersions.versionOf(node), ModelVersions.latestVersionOf(node));
            case "prerelease", "old" -> node -> {
                String version = isModel(node) ? ModelVersions.versionOf(node) : null;
                String latest = version == null ? null : ModelVersions.latestVersionOf(node);
                int order = latest == null ? 0 : ModelVersions.compare(version, latest);
                return value.equals("old") ? order < 0 : order > 0;
            };
            case "none" -> node -> isModel(node) && ModelVersions.versionOf(node) == null;
            default -> throw new SmeltException(ErrorKind.SELECTOR, null, "selector '" + criterion.raw()
                    + "' names an unknown version type '" + value + "'", "use version:latest, version:prerelease, version:old or version:none");
        };
    }

    private static boolean isModel(Node node) {
        return node.resourceType() == ResourceType.MODEL;
    }

    /**
     * A node's name, or a dotted prefix of its fqn with or without the package ({@code staging.stg_orders},
     * {@code shop.staging}), or a wildcard pattern over either. Sources are selected with {@code source:}.
     */
    private static Predicate<Node> fqn(String selector) {
        Wildcard nameGlob = Wildcard.hasWildcard(selector) ? Wildcard.of(selector) : null;
        String[] parts = selector.split("\\.", -1);
        int firstWildcard = 0;
        while (firstWildcard < parts.length && !Wildcard.hasWildcard(parts[firstWildcard])) {
            firstWildcard++;
        }
        Wildcard tail = firstWildcard == parts.length ? null
                : Wildcard.of(String.join(".", Arrays.asList(parts).subList(firstWildcard, parts.length)));
        FqnPattern pattern = new FqnPattern(selector, parts, firstWildcard, tail);
        return node -> {
            if (node.resourceType() == ResourceType.SOURCE) {
                return false;
            }
            List<String> fqn = node.fqn().isEmpty() ? List.of(node.packageName(), node.name()) : node.fqn();
            boolean versioned = isVersioned(node, fqn);
            if (pattern.matches(fqn, 0, versioned) || (fqn.size() > 1 && pattern.matches(fqn, 1, versioned))) {
                return true;
            }
            // Smelt also matches a bare wildcard against the node name: dbt matches 'stg_*' only against
            // the whole fqn, so it misses models in sub-folders
            return nameGlob != null && parts.length == 1 && nameGlob.matches(node.name());
        };
    }

    private static boolean isVersioned(Node node, List<String> fqn) {
        String last = fqn.get(fqn.size() - 1);
        if (fqn.size() < 2 || last.length() < 2 || last.charAt(0) != 'v') {
            return false;
        }
        String version = ModelVersions.versionOf(node);
        return version != null && last.equals("v" + version);
    }

    /** dbt's {@code is_selected_node}, with the wildcard part of the selector compiled once. */
    private record FqnPattern(String selector, String[] parts, int firstWildcard, Wildcard tail) {
        boolean matches(List<String> fqn, int from, boolean versioned) {
            int size = fqn.size() - from;
            if (size <= 0) {
                return false;
            }
            String last = fqn.get(fqn.size() - 1);
            if (versioned) {
                if (size >= 2 && fqn.get(fqn.size() - 2).equals(selector)) {
                    return true;
                }
                if (parts.length >= 2 && size >= 2 && (fqn.get(fqn.size() - 2) + "_" + last)
                        .equals(parts[parts.length - 2] + "_" + parts[parts.length - 1])) {
                    return true;
                }
            } else if (last.equals(selector)) {
                return true;
            }
            List<String> flat = flatten(fqn.subList(from, fqn.size()));
            if (flat.size() < parts.length) {
                return false;
            }
            for (int i = 0; i < firstWildcard; i++) {
                if (!flat.get(i).equals(parts[i])) {
                    return false;
                }
            }
            return tail == null || tail.matches(String.join(".", flat.subList(firstWildcard, flat.size())));
        }

        /** Dots inside fqn parts separate namespaces too. */
        private static List<String> flatten(List<String> fqn) {
            for (String part : fqn) {
                if (part.indexOf('.') >= 0) {
                    List<String> split = new ArrayList<>(fqn.size() + 2);
                    for (String each : fqn) {
                        split.addAll(Arrays.asList(each.split("\\.", -1)));
                    }
                    return split;
                }
            }
            return fqn;
        }
    }

    private IntPredicate tag(String selector) {
        Wildcard glob = Wildcard.of(selector);
        List<String>[] nodeTags = tags();
        return i -> {
            for (String tag : nodeTags[i]) {
                if (glob.matches(tag)) {
                    return true;
                }
            }
            return false;
        };
    }

    /** A file or folder relative to the project root; a package's nodes are looked up under its folder. */
    private IntPredicate path(String selector) {
        String wanted = normalize(selector);
        PathMatcher glob = Wildcard.hasWildcard(wanted) ? FileSystems.getDefault().getPathMatcher("glob:" + wanted) : null;
        String[][] paths = projectPaths();
        return i -> pathMatches(paths[i][0], wanted, glob) || pathMatches(paths[i][1], wanted, glob);
    }

    /** Each node's tags, computed once: NodeConfig builds the list on every call. */
    private List<String>[] tags() {
        List<String>[] all = tags;
        if (all == null) {
            @SuppressWarnings("unchecked")
            List<String>[] computed = (List<String>[]) new List<?>[graph.size()];
            for (int i = 0; i < computed.length; i++) {
                computed[i] = graph.nodeAt(i).config().tags();
            }
            all = computed;
            tags = all;
        }
        return all;
    }

    /** Each node's file and patch file relative to the project root, computed once. */
    private String[][] projectPaths() {
        String[][] paths = projectPaths;
        if (paths == null) {
            paths = new String[graph.size()][];
            for (int i = 0; i < paths.length; i++) {
                Node node = graph.nodeAt(i);
                Path dir = packageDirs.getOrDefault(node.packageName(), Path.of(""));
                paths[i] = new String[] {projectPath(dir, node.originalFilePath()), projectPath(dir, node.patchPath())};
            }
            projectPaths = paths;
        }
        return paths;
    }

    private static String projectPath(Path dir, Path file) {
        if (file == null) {
            return null;
        }
        String text = file.toString().replace('\\', '/');
        String prefix = dir.toString().replace('\\', '/');
        String joined = prefix.isEmpty() ? text : prefix + "/" + text;
        // Parsed paths are usually clean already; Path.normalize is only needed for . and .. parts
        boolean clean = !joined.startsWith("./") && !joined.contains("/./") && !joined.contains("..")
                && !joined.contains("//") && !joined.endsWith("/");
        return clean ? joined : normalize(joined);
    }

    private static boolean pathMatches(String path, String wanted, PathMatcher glob) {
        if (path == null) {
            return false;
        }
        if (glob == null) {
            return wanted.isEmpty() || path.equals(wanted) || (path.startsWith(wanted) && path.charAt(wanted.length()) == '/');
        }
        for (Path prefix = Path.of(path); prefix != null; prefix = prefix.getParent()) {
            if (glob.matches(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String normalize(String path) {
        String text = path.replace('\\', '/');
        String normalized = Path.of(text.isEmpty() ? "." : text).normalize().toString().replace('\\', '/');
        while (normalized.endsWith("/")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        return normalized.equals(".") ? "" : normalized;
    }

    private static Predicate<Node> file(String selector) {
        Wildcard glob = Wildcard.of(selector);
        return node -> {
            if (node.originalFilePath() == null || node.originalFilePath().getFileName() == null) {
                return false;
            }
            String name = node.originalFilePath().getFileName().toString();
            int dot = name.lastIndexOf('.');
            return glob.matches(name) || (dot > 0 && glob.matches(name.substring(0, dot)));
        };
    }

    private Predicate<Node> pkg(String selector) {
        Wildcard glob = Wildcard.of(selector.equals("this") ? rootPackage : selector);
        return node -> glob.matches(node.packageName());
    }

    private static Predicate<Node> resourceType(SelectionCriterion criterion) {
        String value = criterion.value().toLowerCase(Locale.ROOT);
        for (ResourceType type : ResourceType.values()) {
            if (type.dbtName().equals(value)) {
                return node -> node.resourceType() == type;
            }
        }
        if (DBT_ONLY_RESOURCE_TYPES.contains(value)) {
            return node -> false;
        }
        throw new SmeltException(ErrorKind.SELECTOR, null,
                "selector '" + criterion.raw() + "' names an unknown resource type '" + criterion.value() + "'",
                "resource types: " + String.join(", ", Arrays.stream(ResourceType.values()).map(ResourceType::dbtName).toList()));
    }

    private static Predicate<Node> source(SelectionCriterion criterion) {
        String[] parts = criterion.value().split("\\.", -1);
        if (parts.length > 3) {
            throw new SmeltException(ErrorKind.SELECTOR, null,
                    "selector '" + criterion.raw() + "' is not a source",
                    "write source:source_name, source:source_name.table_name or source:package.source_name.table_name");
        }
        Wildcard pkg = Wildcard.of(parts.length == 3 ? parts[0] : "*");
        Wildcard src = Wildcard.of(parts[parts.length == 3 ? 1 : 0]);
        Wildcard table = Wildcard.of(parts.length == 1 ? "*" : parts[parts.length - 1]);
        return node -> node.resourceType() == ResourceType.SOURCE && node.sourceName() != null
                && pkg.matches(node.packageName()) && src.matches(node.sourceName()) && table.matches(node.name());
    }

    private static Predicate<Node> testName(String selector) {
        Wildcard glob = Wildcard.of(selector);
        return node -> node.testMetadata() != null && glob.matches(node.testMetadata().name());
    }

    private static Predicate<Node> testType(SelectionCriterion criterion) {
        return switch (criterion.value().toLowerCase(Locale.ROOT)) {
            case "generic", "schema" -> node -> node.resourceType() == ResourceType.TEST && node.testMetadata() != null;
            case "singular" -> node -> node.resourceType() == ResourceType.TEST && node.testMetadata() == null;
            // dbt 1.8+: data tests are the generic and singular ones, as opposed to unit tests
            case "data" -> node -> node.resourceType() == ResourceType.TEST;
            case "unit" -> node -> node.resourceType() == ResourceType.UNIT_TEST;
            default -> throw new SmeltException(ErrorKind.SELECTOR, null,
                    "selector '" + criterion.raw() + "' names an unknown test type '" + criterion.value() + "'",
                    "test types: generic, singular, data, unit");
        };
    }

    /** {@code config.a.b:value}: the config value at that path equals the value, or (lists) contains it. */
    private record ConfigMatch(List<String> keys, String wanted) implements Predicate<Node> {
        @Override
        public boolean test(Node node) {
            Object value = node.config().values();
            for (String key : keys) {
                if (!(value instanceof Map<?, ?> map)) {
                    return false;
                }
                Object next = map.get(key);
                if (next == null && keys.size() == 1) {
                    next = defaultFor(node, key);
                }
                value = next;
            }
            if (value == null) {
                return false;
            }
            if (value instanceof List<?> list) {
                return list.stream().anyMatch(this::equalsWanted);
            }
            return equalsWanted(value);
        }

        private boolean equalsWanted(Object value) {
            if (value instanceof Boolean || keys.equals(List.of("severity"))) {
                return value != null && value.toString().equalsIgnoreCase(wanted);
            }
            return value != null && value.toString().equals(wanted);
        }

        private static Object defaultFor(Node node, String key) {
            return switch (key) {
                case "materialized" -> switch (node.resourceType()) {
                    case SEED -> "seed";
                    case TEST -> "test";
                    case SNAPSHOT -> "snapshot";
                    case SOURCE, OPERATION -> null;
                    default -> "view";
                };
                case "enabled" -> true;
                case "severity" -> node.resourceType() == ResourceType.TEST ? "ERROR" : null;
                default -> null;
            };
        }
    }
}
