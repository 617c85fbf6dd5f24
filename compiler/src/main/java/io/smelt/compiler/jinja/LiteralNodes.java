package io.smelt.compiler.jinja;

import com.hubspot.jinjava.el.ext.AstDict;
import com.hubspot.jinjava.el.ext.AstList;
import com.hubspot.jinjava.el.ext.AstTuple;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.javax.el.ELContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** List, tuple and dict literals as plain mutable Java collections (tuples immutable). */
final class LiteralNodes {
    private LiteralNodes() {
    }

    private static List<Object> items(AstParameters params, Bindings bindings, ELContext context) {
        List<Object> out = new ArrayList<>(params.getCardinality());
        for (int i = 0; i < params.getCardinality(); i++) {
            AstNode p = params.getChild(i);
            if (p instanceof ExprNodes.Splat s && !s.mapping) {
                out.addAll(PyOps.iterate(s.eval(bindings, context)));
            } else {
                out.add(p.eval(bindings, context));
            }
        }
        return out;
    }

    static final class ListLiteral extends AstList {
        ListLiteral(AstParameters elements) {
            super(elements);
        }

        @Override
        public Object eval(Bindings bindings, ELContext context) {
            return items(elements, bindings, context);
        }
    }

    static final class Tuple extends AstTuple {
        Tuple(AstParameters elements) {
            super(elements);
        }

        @Override
        public Object eval(Bindings bindings, ELContext context) {
            return PyTuple.copyOf(items(elements, bindings, context));
        }
    }

    /** Keys are expressions, as in Python: {@code {k: 1}} uses the variable {@code k}. */
    static final class Dict extends AstDict {
        Dict(Map<AstNode, AstNode> dict) {
            super(dict);
        }

        @Override
        public Object eval(Bindings bindings, ELContext context) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (Map.Entry<AstNode, AstNode> e : dict.entrySet()) {
                out.put(e.getKey().eval(bindings, context), e.getValue().eval(bindings, context));
            }
            return out;
        }
    }
}
