package io.smelt.compiler.jinja;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * One file of {@code {% macro %}} (and {@code {% test %}}, {@code {% materialization %}}) definitions.
 *
 * @param packageName the package the macros belong to (the root project's name, an installed
 *     package's name, or an internal package such as {@code dbt})
 * @param path the file as shown in messages: relative to its package root, or a resource name
 * @param text the file's content
 */
public record MacroSource(String packageName, Path path, String text) {
    public MacroSource {
        requireNonNull(packageName, "packageName is null");
        requireNonNull(path, "path is null");
        requireNonNull(text, "text is null");
    }
}
