package io.smelt.compiler.jinja;

import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstRightValue;
import jinjava.javax.el.ELContext;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * An expression node of ours. It lists its present children for jinjava's tree walkers; absent ones,
 * such as a slice's missing stop, are skipped.
 */
abstract class PyNode extends AstRightValue {
    private final List<AstNode> children;

    PyNode(AstNode... children) {
        this.children = new ArrayList<>(Arrays.asList(children));
        this.children.removeIf(Objects::isNull);
    }

    /** The value of {@code node}, which must be defined: Jinja2 raises on attribute or item access to an undefined. */
    static Object defined(AstNode node, Bindings bindings, ELContext context) {
        Object v = node.eval(bindings, context);
        if (v instanceof Undefined u) {
            throw u.error();
        }
        return v;
    }

    @Override
    public final int getCardinality() {
        return children.size();
    }

    @Override
    public final AstNode getChild(int i) {
        return i >= 0 && i < children.size() ? children.get(i) : null;
    }
}
