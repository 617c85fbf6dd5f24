package io.smelt.compiler.jinja;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * A parsed template, safe to share across threads and to render many times. A template whose text
 * parsed before (a node reused from the partial-parse cache) is parsed on its first render only.
 */
public final class Template {
    private final String packageName;
    private final Path path;
    private volatile Object tree;
    private Supplier<Object> parse;

    Template(String packageName, Path path, Object tree) {
        this.packageName = packageName;
        this.path = path;
        this.tree = tree;
    }

    Template(String packageName, Path path, Supplier<Object> parse) {
        this.packageName = packageName;
        this.path = path;
        this.parse = parse;
    }

    public String packageName() {
        return packageName;
    }

    public Path path() {
        return path;
    }

    Object tree() {
        Object parsed = tree;
        if (parsed == null) {
            synchronized (this) {
                if (tree == null) {
                    tree = parse.get();
                    parse = null;
                }
                parsed = tree;
            }
        }
        return parsed;
    }
}
