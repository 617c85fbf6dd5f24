package io.smelt.compiler.graph;

import java.nio.file.Path;
import java.util.List;

import static java.util.Objects.requireNonNull;

/**
 * A macro known to the project.
 *
 * @param uniqueId {@code macro.<package>.<name>}
 * @param path file relative to its package root, or the resource name for built-in macros
 * @param line 1-based line of {@code {% macro %}}
 * @param dependsOn unique ids of the macros its code calls, as dbt's {@code depends_on.macros}
 */
public record MacroInfo(String uniqueId, String packageName, String name, Path path, int line, String sql, List<String> dependsOn) {
    public MacroInfo {
        requireNonNull(uniqueId, "uniqueId is null");
        requireNonNull(packageName, "packageName is null");
        requireNonNull(name, "name is null");
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
    }

    /** A macro whose dependencies are not known yet. */
    public MacroInfo(String uniqueId, String packageName, String name, Path path, int line, String sql) {
        this(uniqueId, packageName, name, path, line, sql, List.of());
    }

    public MacroInfo withDependsOn(List<String> macros) {
        return new MacroInfo(uniqueId, packageName, name, path, line, sql, macros);
    }
}
