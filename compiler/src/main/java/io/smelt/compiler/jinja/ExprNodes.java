package io.smelt.compiler.jinja;

import com.hubspot.jinjava.el.ext.NamedParameter;
import com.hubspot.jinjava.interpret.JinjavaInterpreter;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstIdentifier;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstParameters;
import jinjava.javax.el.ELContext;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Names, attribute and item access, slices and calls with Jinja2's rules. */
final class ExprNodes {
    private ExprNodes() {
    }

    /** A variable: the scope chain, then the package's macros, then the globals; undefined otherwise. */
    static final class Name extends AstIdentifier {
        Name(String name, int index) {
            super(name, index);
        }

        @Override
        public Object eval(Bindings bindings, ELContext context) {
            return Names.resolve(JinjavaInterpreter.getCurrent().getContext(), getName());
        }
    }

    /** {@code base.name}: Python attribute first, then item. */
    static final class Attr extends PyNode {
        final AstNode base;
        final String name;

        Attr(AstNode base, String name) {
            super(base);
            this.base = base;
            this.name = name;
        }

        @Override
        public Object eval(Bindings bindings, ELContext context) {
            Object self = defined(base, bindings, context);
            return get(self, name, context);
        }

        static Object get(Object self, String name, ELContext context) {
            Object v = PyAccess.getattr(self, name);
            if (v instanceof Undefined && isJavaBean(self)) {
                Object bean = context.getELResolver().getValue(context, self, name);
                if (bean != null) {
                    return bean;
                }
            }
            return v;
        }

        @Override
        public void appendStructure(StringBuilder b, Bindings bindings) {
            base.appendStructure(b, bindings);
            b.append('.').append(name);
        }
    }

    static boolean isJavaBean(Object v) {
        return v != null && !(v instanceof Map<?, ?> || v instanceof List<?> || v instanceof String
                || v instanceof Number || v instanceof Boolean || v instanceof JinjaObject || v instanceof PyObject
                || v instanceof PyCallable || v instanceof JinjaFunction);
    }

    /** {@code base[key]}: item first, then attribute. */
    static final class Item extends PyNode {
        private final AstNode base;
        private final AstNode key;

        Item(AstNode base, AstNode key) {
            super(base, key);
            this.base = base;
            this.key = key;
        }

        @Override
        public Object eval(Bindings bindings, ELContext context) {
            Object self = defined(base, bindings, context);
            return PyAccess.getitem(self, key.eval(bindings, context));
        }

        @Override
        public void appendStructure(StringBuilder b, Bindings bindings) {
            base.appendStructure(b, bindings);
            b.append('[');
            key.appendStructure(b, bindings);
            b.append(']');
        }
    }

    /** {@code base[start:stop:step]}. */
    static final class Slice extends PyNode {
        private final AstNode[] parts;

        Slice(AstNode base, AstNode start, AstNode stop, AstNode step) {
            super(base, start, stop, step);
            this.parts = new AstNode[] {base, start, stop, step};
        }

        @Override
        public Object eval(Bindings bindings, ELContext context) {
            Object self = defined(parts[0], bindings, context);
            Object[] v = new Object[3];
            for (int i = 1; i < 4; i++) {
                v[i - 1] = parts[i] == null ? null : parts[i].eval(bindings, context);
            }
            return PyAccess.getitem(self, new PyAccess.Slice(v[0], v[1], v[2]));
        }

        @Override
        public void appendStructure(StringBuilder b, Bindings bindings) {
            parts[0].appendStructure(b, bindings);
            b.append("[:]");
        }
    }

    /** {@code *args} or {@code **kwargs} in a call. */
    static final class Splat extends PyNode {
        final AstNode value;
        final boolean mapping;

        Splat(AstNode value, boolean mapping) {
            super(value);
            this.value = value;
            this.mapping = mapping;
        }

        @Override
        public Object eval(Bindings bindings, ELContext context) {
            return value.eval(bindings, context);
        }

        @Override
        public void appendStructure(StringBuilder b, Bindings bindings) {
            b.append(mapping ? "**" : "*");
            value.appendStructure(b, bindings);
        }
    }

    /** Calling any value: a macro, a {@link JinjaFunction}, a bound method, or a Java method. */
    static final class Call extends PyNode {
        private final AstNode callee;
        private final AstParameters params;

        Call(AstNode callee, AstParameters params) {
            super(callee, params);
            this.callee = callee;
            this.params = params;
        }

        @Override
        public Object eval(Bindings bindings, ELContext context) {
            Object f;
            if (callee instanceof Attr attr) {
                Object self = defined(attr.base, bindings, context);
                f = PyAccess.getattr(self, attr.name);
                if (f instanceof Undefined && isJavaBean(self)) {
                    List<Object> args = new ArrayList<>();
                    evalArgs(bindings, context, args, new LinkedHashMap<>());
                    return context.getELResolver().invoke(context, self, attr.name, null, args.toArray());
                }
            } else {
                f = callee.eval(bindings, context);
            }
            List<Object> args = new ArrayList<>();
            Map<String, Object> kwargs = new LinkedHashMap<>();
            evalArgs(bindings, context, args, kwargs);
            return Calls.call(f, args, kwargs);
        }

        private void evalArgs(Bindings bindings, ELContext context, List<Object> args, Map<String, Object> kwargs) {
            for (int i = 0; i < params.getCardinality(); i++) {
                AstNode p = params.getChild(i);
                if (p instanceof Splat s) {
                    Object v = s.eval(bindings, context);
                    if (s.mapping) {
                        if (!(v instanceof Map<?, ?> m)) {
                            throw new PyException("argument after ** must be a mapping, not " + PyOps.typeName(v));
                        }
                        m.forEach((k, x) -> kwargs.put(PyStr.str(k), Mutable.of(x)));
                    } else {
                        PyOps.iterate(v).forEach(x -> args.add(Mutable.of(x)));
                    }
                    continue;
                }
                Object v = p.eval(bindings, context);
                if (v instanceof NamedParameter np) {
                    kwargs.put(np.getName(), np.getValue());
                } else {
                    args.add(v);
                }
            }
        }

        @Override
        public void appendStructure(StringBuilder b, Bindings bindings) {
            callee.appendStructure(b, bindings);
            params.appendStructure(b, bindings);
        }
    }
}
