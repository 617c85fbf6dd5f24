package io.smelt.compiler.project;

import io.smelt.compiler.diag.ErrorKind;
import io.smelt.compiler.diag.SmeltException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static java.util.Objects.requireNonNull;

/**
 * The variables {@code var()} sees, scoped as dbt scopes them. For a node of package {@code p},
 * lowest first: p's own dbt_project.yml vars (global, then its {@code p:} block), the root
 * project's global vars, the root project's {@code p:} block, then {@code --vars}. Values are as
 * written; the compiler renders a value that holds Jinja when {@code var()} returns it.
 */
public final class Vars {
    private final Map<String, Object> cliVars;
    private final DbtProject root;
    private final Map<String, DbtProject> packages;
    private final Map<String, Map<String, Object>> cache = new ConcurrentHashMap<>();

    private Vars(Map<String, Object> cliVars, DbtProject root, Map<String, DbtProject> packages) {
        this.cliVars = cliVars;
        this.root = root;
        this.packages = packages;
    }

    public static Vars of(Map<String, Object> cliVars, DbtProject root, Collection<DbtProject> packages) {
        requireNonNull(root, "root is null");
        Map<String, DbtProject> byName = new LinkedHashMap<>();
        for (DbtProject project : packages) {
            byName.put(project.name(), project);
        }
        return new Vars(PlainValues.freezeMap(cliVars), root, byName);
    }

    public Map<String, Object> cliVars() {
        return cliVars;
    }

    /** Every variable a node of this package can read, highest precedence applied; unmodifiable. */
    public Map<String, Object> forPackage(String packageName) {
        return cache.computeIfAbsent(packageName, this::compute);
    }

    private Map<String, Object> compute(String packageName) {
        Map<String, Object> vars = new LinkedHashMap<>();
        DbtProject own = packages.get(packageName);
        if (own != null && !packageName.equals(root.name())) {
            addScoped(vars, own, packageName);
        }
        addScoped(vars, root, packageName);
        vars.putAll(cliVars);
        return Collections.unmodifiableMap(vars);
    }

    private static void addScoped(Map<String, Object> vars, DbtProject project, String packageName) {
        vars.putAll(project.vars());
        if (project.vars().get(packageName) instanceof Map<?, ?> scoped) {
            scoped.forEach((key, value) -> vars.put(String.valueOf(key), value));
        }
    }

    /**
     * Reads {@code --vars}: a YAML mapping such as {@code '{key: value}'} or {@code 'key: value'}.
     *
     * @throws SmeltException (COMMAND_LINE) when the text is not a YAML mapping
     */
    public static Map<String, Object> parseCliVars(String yamlText) {
        if (yamlText == null || yamlText.isBlank()) {
            return Map.of();
        }
        YamlReader yaml = new YamlReader(Path.of("--vars"), ErrorKind.COMMAND_LINE, YamlRenderer.NONE);
        Node root;
        try {
            root = yaml.compose(yamlText);
        }
        catch (SmeltException e) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, "--vars is not valid YAML: " + e.first().message(),
                    "write it as a mapping, for example --vars '{start_date: \"2024-01-01\", limit: 10}'");
        }
        if (!(root instanceof MappingNode)) {
            throw new SmeltException(ErrorKind.COMMAND_LINE, null, "--vars must be a mapping of names to values, found "
                    + YamlReader.describe(root), "for example --vars '{start_date: \"2024-01-01\"}'");
        }
        return PlainValues.freezeMap(yaml.rawMap(root, "--vars"));
    }
}
