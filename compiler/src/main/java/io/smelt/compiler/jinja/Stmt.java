package io.smelt.compiler.jinja;

import java.util.List;

import io.smelt.compiler.jinja.Signals.LoopSignal;

/** A statement node; immutable and shared by every render of its template. */
abstract class Stmt {
    final int line;

    Stmt(int line) {
        this.line = line;
    }

    abstract void exec(Scope s, StringBuilder out);

    static void execAll(List<Stmt> body, Scope s, StringBuilder out) {
        for (int i = 0, n = body.size(); i < n; i++) {
            body.get(i).exec(s, out);
        }
    }

    /** Assigns to a name, a tuple of targets or {@code ns.attr}, as {@code set} and {@code for} do. */
    static void assign(Scope s, Expr target, Object value) {
        if (target instanceof Expr.Name n) {
            s.set(n.name, value);
        } else if (target instanceof Expr.ListLit t) {
            List<Object> items = value instanceof java.util.Map.Entry<?, ?> e
                    ? java.util.Arrays.asList(e.getKey(), e.getValue()) : PySeq.iterate(value);
            if (items.size() < t.items.size()) {
                throw new PyException("ValueError: not enough values to unpack (expected " + t.items.size()
                        + ", got " + items.size() + ")");
            }
            if (items.size() > t.items.size()) {
                throw new PyException("ValueError: too many values to unpack (expected " + t.items.size() + ")");
            }
            for (int i = 0; i < items.size(); i++) {
                assign(s, t.items.get(i), items.get(i));
            }
        } else if (target instanceof Expr.Getattr g && g.obj instanceof Expr.Name n) {
            Object ns = s.lookup(n.name);
            if (!(ns instanceof Builtins.Namespace namespace)) {
                throw new PyException("cannot assign attribute on non-namespace object");
            }
            namespace.set(g.name, value);
        } else {
            throw new IllegalStateException("bad assignment target");
        }
    }

    static final class Text extends Stmt {
        final String text;

        Text(int line, String text) {
            super(line);
            this.text = text;
        }

        @Override
        void exec(Scope s, StringBuilder out) {
            out.append(text);
        }
    }

    static final class Output extends Stmt {
        final Expr expr;

        Output(int line, Expr expr) {
            super(line);
            this.expr = expr;
        }

        @Override
        void exec(Scope s, StringBuilder out) {
            s.frame.line = line;
            Object v = expr.eval(s);
            if (v instanceof String str) {
                out.append(str);
            } else {
                out.append(PyStr.str(v));
            }
        }
    }

    static final class If extends Stmt {
        final List<Expr> tests;
        final List<List<Stmt>> bodies;
        final List<Stmt> otherwise;

        If(int line, List<Expr> tests, List<List<Stmt>> bodies, List<Stmt> otherwise) {
            super(line);
            this.tests = List.copyOf(tests);
            this.bodies = List.copyOf(bodies);
            this.otherwise = otherwise;
        }

        @Override
        void exec(Scope s, StringBuilder out) {
            for (int i = 0; i < tests.size(); i++) {
                s.frame.line = tests.get(i).line;
                if (PyOps.truthy(tests.get(i).eval(s))) {
                    execAll(bodies.get(i), s, out);
                    return;
                }
            }
            if (otherwise != null) {
                execAll(otherwise, s, out);
            }
        }
    }

    static final class For extends Stmt {
        final Expr target;
        final Expr iter;
        final Expr filter;
        final List<Stmt> body;
        final List<Stmt> otherwise;
        final boolean recursive;

        For(int line, Expr target, Expr iter, Expr filter, List<Stmt> body, List<Stmt> otherwise, boolean recursive) {
            super(line);
            this.target = target;
            this.iter = iter;
            this.filter = filter;
            this.body = body;
            this.otherwise = otherwise;
            this.recursive = recursive;
        }

        @Override
        void exec(Scope s, StringBuilder out) {
            s.frame.line = line;
            Object iterable = iter.eval(s);
            if (iterable == null) {
                throw PyException.typeError("'NoneType' object is not iterable");
            }
            run(s, PySeq.iterate(iterable), 1, out);
        }

        void run(Scope s, List<Object> items, int depth, StringBuilder out) {
            if (filter != null) {
                List<Object> kept = new java.util.ArrayList<>(items.size());
                for (Object item : items) {
                    Scope probe = s.child();
                    assign(probe, target, item);
                    if (PyOps.truthy(filter.eval(probe))) {
                        kept.add(item);
                    }
                }
                items = kept;
            }
            LoopContext loop = new LoopContext(items, depth, recursive ? this : null, s);
            for (int i = 0; i < items.size(); i++) {
                loop.index0 = i;
                Scope it = s.child();
                it.set("loop", loop);
                assign(it, target, items.get(i));
                try {
                    execAll(body, it, out);
                } catch (LoopSignal signal) {
                    if (signal == LoopSignal.BREAK) {
                        break;
                    }
                }
            }
            if (items.isEmpty() && otherwise != null) {
                execAll(otherwise, s, out);
            }
        }
    }

    static final class LoopControl extends Stmt {
        final LoopSignal signal;

        LoopControl(int line, LoopSignal signal) {
            super(line);
            this.signal = signal;
        }

        @Override
        void exec(Scope s, StringBuilder out) {
            throw signal;
        }
    }

    static final class Set extends Stmt {
        final Expr target;
        final Expr value;

        Set(int line, Expr target, Expr value) {
            super(line);
            this.target = target;
            this.value = value;
        }

        @Override
        void exec(Scope s, StringBuilder out) {
            s.frame.line = line;
            assign(s, target, value.eval(s));
        }
    }

    static final class SetBlock extends Stmt {
        final Expr target;
        final List<Expr.FilterCall> filters;
        final List<Stmt> body;

        SetBlock(int line, Expr target, List<Expr.FilterCall> filters, List<Stmt> body) {
            super(line);
            this.target = target;
            this.filters = List.copyOf(filters);
            this.body = body;
        }

        @Override
        void exec(Scope s, StringBuilder out) {
            StringBuilder captured = new StringBuilder();
            execAll(body, s, captured);
            Object v = captured.toString();
            for (Expr.FilterCall f : filters) {
                v = f.apply(s, v);
            }
            assign(s, target, v);
        }
    }

    static final class Do extends Stmt {
        final Expr expr;

        Do(int line, Expr expr) {
            super(line);
            this.expr = expr;
        }

        @Override
        void exec(Scope s, StringBuilder out) {
            s.frame.line = line;
            expr.eval(s);
        }
    }

    static final class MacroStmt extends Stmt {
        final MacroDef def;

        MacroStmt(MacroDef def) {
            super(def.line);
            this.def = def;
        }

        @Override
        void exec(Scope s, StringBuilder out) {
            s.set(def.name, new MacroValue(def, s, s.frame.pkg, s.frame.file, s.frame.renderer.engine));
        }
    }

    static final class CallBlock extends Stmt {
        final MacroDef caller;
        final Expr.Call call;

        CallBlock(int line, MacroDef caller, Expr.Call call) {
            super(line);
            this.caller = caller;
            this.call = call;
        }

        @Override
        void exec(Scope s, StringBuilder out) {
            s.frame.line = line;
            MacroValue value = new MacroValue(caller, s, s.frame.pkg, s.frame.file, s.frame.renderer.engine);
            out.append(PyStr.str(call.evalWith(s, value)));
        }
    }

    static final class FilterBlock extends Stmt {
        final List<Expr.FilterCall> filters;
        final List<Stmt> body;

        FilterBlock(int line, List<Expr.FilterCall> filters, List<Stmt> body) {
            super(line);
            this.filters = List.copyOf(filters);
            this.body = body;
        }

        @Override
        void exec(Scope s, StringBuilder out) {
            StringBuilder captured = new StringBuilder();
            execAll(body, s, captured);
            Object v = captured.toString();
            for (Expr.FilterCall f : filters) {
                v = f.apply(s, v);
            }
            out.append(PyStr.str(v));
        }
    }

    static final class With extends Stmt {
        final List<Expr> targets;
        final List<Expr> values;
        final List<Stmt> body;

        With(int line, List<Expr> targets, List<Expr> values, List<Stmt> body) {
            super(line);
            this.targets = List.copyOf(targets);
            this.values = List.copyOf(values);
            this.body = body;
        }

        @Override
        void exec(Scope s, StringBuilder out) {
            Scope inner = s.child();
            for (int i = 0; i < targets.size(); i++) {
                assign(inner, targets.get(i), values.get(i).eval(s));
            }
            execAll(body, inner, out);
        }
    }

    /** A block whose body renders in place (a {@code {% snapshot %}} in a template) or not at all. */
    static final class Block extends Stmt {
        final List<Stmt> body;

        Block(int line, List<Stmt> body) {
            super(line);
            this.body = body;
        }

        @Override
        void exec(Scope s, StringBuilder out) {
            if (body != null) {
                execAll(body, s, out);
            }
        }
    }
}
