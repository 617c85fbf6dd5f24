package io.smelt.compiler.jinja;

import java.util.List;

/**
 * A parsed {@code {% macro %}} (also {@code test}, {@code materialization} and a {@code call} block's
 * body). {@code defaults} has one entry per parameter, null where there is no default.
 */
final class MacroDef {
    final String name;
    final List<String> params;
    final List<Expr> defaults;
    final List<Stmt> body;
    final boolean catchVarargs;
    final boolean catchKwargs;
    final boolean usesCaller;
    final int line;
    final int startOffset;
    final int endOffset;

    MacroDef(String name, List<String> params, List<Expr> defaults, List<Stmt> body, java.util.Set<String> referenced,
            int line, int startOffset, int endOffset) {
        this.name = name;
        this.params = List.copyOf(params);
        this.defaults = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(defaults));
        this.body = body;
        this.catchVarargs = referenced.contains("varargs");
        this.catchKwargs = referenced.contains("kwargs");
        this.usesCaller = referenced.contains("caller");
        this.line = line;
        this.startOffset = startOffset;
        this.endOffset = endOffset;
    }
}
