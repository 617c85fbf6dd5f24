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
import java.util.function.Predicate;

/** The node test behind each selector method, following dbt's {@code selector_methods.py}. */
final class SelectorMethods {
    private static final Set<String> DBT_ONLY_RESOURCE_TYPES = Set.of("exposure", "metric", "unit_test",
            "semantic_model", "saved_query", "sql_operation", "rpc", "doc", "macro", "group", "function", "fixture");

    private final String rootPackage;
    private final Map<String, Path> packageDirs;

    /** @param packageDirs each package's folder relative to the project root; the root package's is empty */
    SelectorMethods(String rootPackage, Map<String, Path> packageDirs) {
        this.rootPackage = rootPackage;
        this.packageDirs = packageDirs;
    }

    Predicate<Node> predicate(SelectionCriterion criterion) {
        String value = criterion.value();
        return switch (criterion.method()) {
            case "fqn" -> fqn(value);
            case "tag" -> tag(value);
            case "path" -> path(value);
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
            default -> node -> false;
        };
    }

    /**
     * A node's name, or a dotted prefix of its fqn with or without the package ({@code staging.stg_orders},
     * {@code shop.staging}), or a wildcard pattern over either. Sources are selected with {@code source:}.
     */
    private static Predicate<Node> fqn(String selector) {
        Wildcard nameGlob = Wildcard.hasWildcard(selector) ? Wildcard.of(selector) : null;
        String[] parts = selector.split("\\.", -1);
        return node -> {
            if (node.resourceType() == ResourceType.SOURCE) {
                return false;
            }
            List<String> fqn = node.fqn().isEmpty() ? List.of(node.packageName(), node.name()) : node.fqn();
            boolean versioned = isVersioned(node, fqn);
            if (fqnMatches(fqn, selector, parts, versioned)
                    || (fqn.size() > 1 && fqnMatches(fqn.subList(1, fqn.size()), selector, parts, versioned))) {
                return true;
            }
            // Smelt also matches a bare wildcard against the node name: dbt matches 'stg_*' only against
            // the whole fqn, so it misses models in sub-folders
            return nameGlob != null && parts.length == 1 && nameGlob.matches(node.name());
        };
    }

    private static boolean isVersioned(Node node, List<String> fqn) {
        String version = ModelVersions.versionOf(node);
        return version != null && fqn.size() >= 2 && fqn.get(fqn.size() - 1).equals("v" + version);
    }

    private static boolean fqnMatches(List<String> fqn, String selector, String[] parts, boolean versioned) {
        if (fqn.isEmpty()) {
            return false;
        }
        if (versioned) {
            if (fqn.size() >= 2 && fqn.get(fqn.size() - 2).equals(selector)) {
                return true;
            }
            if (parts.length >= 2 && fqn.size() >= 2
                    && (fqn.get(fqn.size() - 2) + "_" + fqn.get(fqn.size() - 1))
                    .equals(parts[parts.length - 2] + "_" + parts[parts.length - 1])) {
                return true;
            }
        } else if (fqn.get(fqn.size() - 1).equals(selector)) {
            return true;
        }
        // Dots inside fqn parts separate namespaces too
        List<String> flat = new ArrayList<>(fqn.size() + 2);
        for (String part : fqn) {
            flat.addAll(Arrays.asList(part.split("\\.", -1)));
        }
        if (flat.size() < parts.length) {
            return false;
        }
        for (int i = 0; i < parts.length; i++) {
            if (Wildcard.hasWildcard(parts[i])) {
                String rest = String.join(".", flat.subList(i, flat.size()));
                String pattern = String.join(".", Arrays.asList(parts).subList(i, parts.length));
                return Wildcard.matches(rest, pattern);
            }
            if (!flat.get(i).equals(parts[i])) {
                return false;
            }
        }
        return true;
    }

    private static Predicate<Node> tag(String selector) {
        Wildcard glob = Wildcard.of(selector);
        return node -> node.config().tags().stream().anyMatch(glob::matches);
    }

    /** A file or folder relative to the project root; a package's nodes are looked up under its folder. */
    private Predicate<Node> path(String selector) {
        String wanted = normalize(selector);
        PathMatcher glob = Wildcard.hasWildcard(wanted) ? FileSystems.getDefault().getPathMatcher("glob:" + wanted) : null;
        return node -> {
            Path dir = packageDirs.getOrDefault(node.packageName(), Path.of(""));
            return pathMatches(dir, node.originalFilePath(), wanted, glob) || pathMatches(dir, node.patchPath(), wanted, glob);
        };
    }

    private static boolean pathMatches(Path dir, Path file, String wanted, PathMatcher glob) {
        if (file == null) {
            return false;
        }
        String path = normalize(dir.resolve(file).toString());
        if (glob == null) {
            return path.equals(wanted) || wanted.isEmpty() || path.startsWith(wanted + "/");
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
            case "singular", "data" -> node -> node.resourceType() == ResourceType.TEST && node.testMetadata() == null;
            case "unit" -> node -> false;
            default -> throw new SmeltException(ErrorKind.SELECTOR, null,
                    "selector '" + criterion.raw() + "' names an unknown test type '" + criterion.value() + "'",
                    "test types: generic, singular, unit");
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
