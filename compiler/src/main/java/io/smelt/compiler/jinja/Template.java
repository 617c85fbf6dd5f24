package io.smelt.compiler.jinja;

import java.nio.file.Path;

/** A parsed template, safe to share across threads and to render many times. */
public final class Template {
    private final String packageName;
    private final Path path;
    private final Object tree;

    Template(String packageName, Path path, Object tree) {
        this.packageName = packageName;
        this.path = path;
        this.tree = tree;
    }

    public String packageName() {
        return packageName;
    }

    public Path path() {
        return path;
    }

    Object tree() {
        return tree;
    }
}
