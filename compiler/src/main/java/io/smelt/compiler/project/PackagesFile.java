package io.smelt.compiler.project;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import io.smelt.compiler.diag.SourcePosition;
import org.yaml.snakeyaml.nodes.Node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A project's packages.yml or dependencies.yml (dbt reads the {@code packages:} of one of them), as
 * {@link PackageSpec}s with positions.
 *
 * @param file the file as shown in messages, or null when the project declares no packages
 * @param packages the entries in file order
 */
public record PackagesFile(Path file, List<PackageSpec> packages) {
    public static final String PACKAGES_YML = "packages.yml";
    public static final String DEPENDENCIES_YML = "dependencies.yml";
    private static final String HINT = "each entry needs one of local:, git:, package: (with version:) or tarball: (with name:);"
            + " see docs/packages.md";
    private static final Map<String, Set<String>> KEYS = Map.of(
            "local", Set.of("local", "name"),
            "git", Set.of("git", "revision", "subdirectory", "warn-unpinned", "name"),
            "package", Set.of("package", "version", "install-prerelease", "install_prerelease", "name"),
            "tarball", Set.of("tarball", "name"));

    public PackagesFile {
        packages = List.copyOf(packages);
    }

    public static PackagesFile none() {
        return new PackagesFile(null, List.of());
    }

    /**
     * Reads the packages a project declares.
     *
     * @param projectDir the folder holding the files
     * @param displayDir the same folder as shown in messages (relative to the root project, or empty)
     * @throws SmeltException when an entry is wrong, with its file and line
     */
    public static PackagesFile read(Path projectDir, Path displayDir, YamlRenderer renderer) {
        Node packagesNode = null;
        YamlReader packagesReader = null;
        Node dependenciesNode = null;
        YamlReader dependenciesReader = null;
        Path packagesPath = projectDir.resolve(PACKAGES_YML);
        if (Files.isRegularFile(packagesPath)) {
            packagesReader = new YamlReader(displayDir.resolve(PACKAGES_YML), ErrorKind.PROJECT, renderer);
            packagesNode = packagesKey(packagesReader, read(packagesPath, packagesReader.file()), true);
        }
        Path dependenciesPath = projectDir.resolve(DEPENDENCIES_YML);
        if (Files.isRegularFile(dependenciesPath)) {
            dependenciesReader = new YamlReader(displayDir.resolve(DEPENDENCIES_YML), ErrorKind.PROJECT, renderer);
            dependenciesNode = packagesKey(dependenciesReader, read(dependenciesPath, dependenciesReader.file()), false);
        }
        if (packagesNode != null && dependenciesNode != null) {
            throw dependenciesReader.error(dependenciesNode, "packages: is set in both packages.yml and dependencies.yml",
                    "dbt reads only one of them: keep the packages in one file");
        }
        if (dependenciesNode != null) {
            return new PackagesFile(dependenciesReader.file(), entries(dependenciesReader, dependenciesNode));
        }
        if (packagesNode != null) {
            return new PackagesFile(packagesReader.file(), entries(packagesReader, packagesNode));
        }
        return none();
    }

    private static String read(Path path, Path display) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        }
        catch (IOException e) {
            throw new SmeltException(ErrorKind.PROJECT, SourcePosition.of(display), "cannot read the file: " + e.getMessage(), null, e);
        }
    }

    /** The value of {@code packages:}, or null when the file has none. */
    private static Node packagesKey(YamlReader yaml, String text, boolean strict) {
        Node root = yaml.compose(text);
        Map<String, YamlReader.Entry> top = yaml.mapping(root, yaml.file().getFileName().toString());
        for (YamlReader.Entry entry : top.values()) {
            boolean known = entry.key().equals("packages") || (!strict && entry.key().equals("projects"));
            if (!known) {
                throw yaml.error(entry.keyNode(), "unknown key '" + entry.key() + "' in " + yaml.file().getFileName(),
                        "the file holds one key, packages:, a list of packages");
            }
        }
        YamlReader.Entry packages = top.get("packages");
        return packages == null || YamlReader.isNull(packages.value()) ? null : packages.value();
    }

    private static List<PackageSpec> entries(YamlReader yaml, Node packages) {
        List<PackageSpec> specs = new ArrayList<>();
        for (Node item : yaml.list(packages, "packages", "a list of packages (- local: ..., - package: ...)")) {
            specs.add(entry(yaml, item));
        }
        return specs;
    }

    private static PackageSpec entry(YamlReader yaml, Node item) {
        Map<String, YamlReader.Entry> fields = yaml.mapping(item, "a package");
        List<String> kinds = fields.keySet().stream().filter(KEYS::containsKey).toList();
        if (fields.containsKey("private")) {
            throw yaml.error(item, "private: packages (dbt Cloud's git integrations) are not supported",
                    "use git: with the repository's URL instead");
        }
        if (kinds.size() != 1) {
            throw yaml.error(item, kinds.isEmpty() ? "a package entry without local:, git:, package: or tarball:"
                    : "a package entry with more than one of " + String.join(", ", kinds), HINT);
        }
        String kind = kinds.get(0);
        for (YamlReader.Entry field : fields.values()) {
            if (!KEYS.get(kind).contains(field.key())) {
                throw yaml.error(field.keyNode(), "unknown key '" + field.key() + "' in a " + kind + ": package",
                        "a " + kind + ": package takes " + String.join(", ", KEYS.get(kind).stream().sorted().toList()));
            }
        }
        Map<String, Object> unrendered = yaml.rawMap(item, "a package");
        SourcePosition at = yaml.at(item);
        String name = text(yaml, fields, "name");
        return switch (kind) {
            case "local" -> new PackageSpec.Local(required(yaml, fields, "local", item), name, unrendered, at);
            case "git" -> new PackageSpec.Git(required(yaml, fields, "git", item), scalar(yaml, fields, "revision"),
                    text(yaml, fields, "subdirectory"), fields.containsKey("warn-unpinned")
                            ? yaml.bool(fields.get("warn-unpinned").value(), "warn-unpinned") : null, name, unrendered, at);
            case "package" -> hub(yaml, fields, item, name, unrendered, at);
            default -> {
                if (name == null) {
                    throw yaml.error(item, "a tarball: package needs name:", "name it as its dbt_project.yml does");
                }
                yield new PackageSpec.Tarball(required(yaml, fields, "tarball", item), name, unrendered, at);
            }
        };
    }

    private static PackageSpec hub(YamlReader yaml, Map<String, YamlReader.Entry> fields, Node item, String name,
            Map<String, Object> unrendered, SourcePosition at) {
        String id = required(yaml, fields, "package", item);
        YamlReader.Entry version = fields.get("version");
        if (version == null || YamlReader.isNull(version.value())) {
            throw yaml.error(item, "package '" + id + "' has no version:",
                    "give a version or a range, such as version: [\">=1.0.0\", \"<2.0.0\"]");
        }
        Object value = yaml.value(version.value(), Set.of(), true);
        List<String> versions = new ArrayList<>();
        if (value instanceof List<?> list) {
            for (Object v : list) {
                if (v == null || v instanceof Map || v instanceof List) {
                    throw yaml.expected(version.value(), "version", "a version or a list of versions", null);
                }
                versions.add(v.toString());
            }
        }
        else if (value instanceof Map) {
            throw yaml.expected(version.value(), "version", "a version or a list of versions", null);
        }
        else {
            versions.add(value.toString());
        }
        YamlReader.Entry prerelease = fields.containsKey("install-prerelease") ? fields.get("install-prerelease")
                : fields.get("install_prerelease");
        boolean installPrerelease = prerelease != null && Boolean.TRUE.equals(yaml.bool(prerelease.value(), prerelease.key()));
        return new PackageSpec.Hub(id, value, versions, installPrerelease, name, unrendered, at);
    }

    private static String required(YamlReader yaml, Map<String, YamlReader.Entry> fields, String key, Node item) {
        String value = text(yaml, fields, key);
        if (value == null || value.isBlank()) {
            throw yaml.error(fields.get(key).value(), key + ": is empty", HINT);
        }
        return value;
    }

    private static String text(YamlReader yaml, Map<String, YamlReader.Entry> fields, String key) {
        Object value = scalar(yaml, fields, key);
        return value == null ? null : value.toString();
    }

    private static Object scalar(YamlReader yaml, Map<String, YamlReader.Entry> fields, String key) {
        YamlReader.Entry entry = fields.get(key);
        if (entry == null) {
            return null;
        }
        Object value = yaml.value(entry.value(), Set.of(), true);
        if (value instanceof Map || value instanceof List) {
            throw yaml.expected(entry.value(), key, "text", null);
        }
        return value;
    }
}
