package io.smelt.compiler.graph;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * A macro known to the project.
 *
 * @param uniqueId {@code macro.<package>.<name>}
 * @param path file relative to its package root, or the resource name for built-in macros
 * @param line 1-based line of {@code {% macro %}}
 */
public record MacroInfo(String uniqueId, String packageName, String name, Path path, int line, String sql) {
    public MacroInfo {
        requireNonNull(uniqueId, "uniqueId is null");
        requireNonNull(packageName, "packageName is null");
        requireNonNull(name, "name is null");
    }
}
