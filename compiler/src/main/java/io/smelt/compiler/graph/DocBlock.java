package io.smelt.compiler.graph;

import java.nio.file.Path;

import static java.util.Objects.requireNonNull;

/**
 * A {@code {% docs name %}} block of a {@code .md} file under a package's docs paths.
 *
 * @param originalFilePath the file relative to its package root ({@code models/overview.md})
 * @param path the file relative to the docs folder it was found under ({@code overview.md})
 * @param contents the block's text, rendered and stripped as dbt stores it
 * @param line the 1-based line of the {@code {% docs %}} tag
 */
public record DocBlock(String packageName, String name, Path originalFilePath, Path path, String contents, int line) {
    public DocBlock {
        requireNonNull(packageName, "packageName is null");
        requireNonNull(name, "name is null");
        requireNonNull(originalFilePath, "originalFilePath is null");
        requireNonNull(path, "path is null");
        requireNonNull(contents, "contents is null");
    }

    /** {@code doc.<package>.<name>}, as dbt's manifest names it. */
    public String uniqueId() {
        return "doc." + packageName + "." + name;
    }
}
