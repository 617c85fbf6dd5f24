package io.smelt.compiler.jinja;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An expression node; immutable and shared by every render of its template. */
abstract class Expr {
    final int line;

    Expr(int line) {
        this.line = line;
    }

    abstract Object eval(Scope s);

    /** A literal; only immutable values (lists and dicts are {@link ListLit}/{@link DictLit}). */
    static final class Const extends Expr {
        final Object value;

        Const(int line, Object value) {
            super(line);
            this.value = value;
        }

        @Override
        Object eval(Scope s) {
            return value;
        }
    }

    static final class Name extends Expr {
        final String name;

        Name(int line, String name) {
            super(line);
            this.name = name;
        }

        @Override
        Object eval(Scope s) {
            return s.lookup(name);
        }
    }

    static final class ListLit extends Expr {
        final List<Expr> items;
        final boolean tuple;

        ListLit(int line, List<Expr> items, boolean tuple) {
            super(line);
            this.items = List.copyOf(items);
            this.tuple = tuple;
        }

        @Override
        Object eval(Scope s) {
            List<Object> out = new ArrayList<>(items.size());
            for (Expr e : items) {
                out.add(e.eval(s));
            }
            return tuple ? PyTuple.copyOf(out) : out;
        }
    }

    static final class DictLit extends Expr {
        final List<Expr> keys;
        final List<Expr> values;

        DictLit(int line, List<Expr> keys, List<Expr> values) {
            super(line);
            this.keys = List.copyOf(keys);
            this.values = List.copyOf(values);
        }

        @Override
        Object eval(Scope s) {
            Map<Object, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                out.put(keys.get(i).eval(s), values.get(i).eval(s));
            }
            return out;
        }
    }

    static final class Getattr extends Expr {
        final Expr obj;
        final String name;

        Getattr(int line, Expr obj, String name) {
            super(line);
            this.obj = obj;
            this.name = name;
        }

        @Override
        Object eval(Scope s) {
            return PyAccess.getattr(obj.eval(s), name);
        }
    }

    static final class Getitem extends Expr {
        final Expr obj;
        final Expr key;

        Getitem(int line, Expr obj, Expr key) {
            super(line);
            this.obj = obj;
            this.key = key;
        }

        @Override
        Object eval(Scope s) {
            Object o = obj.eval(s);
            if (o instanceof Undefined u) {
                throw u.error();
            }
            return PyAccess.getitem(o, key.eval(s));
        }
    }

    static final class SliceExpr extends Expr {
        final Expr start;
        final Expr stop;
        final Expr step;

        SliceExpr(int line, Expr start, Expr stop, Expr step) {
            super(line);
            this.start = start;
            this.stop = stop;
            this.step = step;
        }

        @Override
        Object eval(Scope s) {
            return new PyAccess.Slice(start == null ? null : start.eval(s), stop == null ? null : stop.eval(s),
                    step == null ? null : step.eval(s));
        }
    }

    /** Positional, keyword, {@code *args} and {@code **kwargs} arguments of a call, filter or test. */
    static final class Args {
        static final Args NONE = new Args(List.of(), List.of(), List.of(), null, null);

        final List<Expr> positional;
        final List<String> kwNames;
        final List<Expr> kwValues;
        final Expr star;
        final Expr starStar;

        Args(List<Expr> positional, List<String> kwNames, List<Expr> kwValues, Expr star, Expr starStar) {
            this.positional = List.copyOf(positional);
            this.kwNames = List.copyOf(kwNames);
            this.kwValues = List.copyOf(kwValues);
            this.star = star;
            this.starStar = starStar;
        }

        List<Object> positional(Scope s) {
            List<Object> out = new ArrayList<>(positional.size());
            for (Expr e : positional) {
                out.add(e.eval(s));
            }
            if (star != null) {
                out.addAll(PySeq.iterate(star.eval(s)));
            }
            return out;
        }

        Map<String, Object> keywords(Scope s) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (int i = 0; i < kwNames.size(); i++) {
                out.put(kwNames.get(i), kwValues.get(i).eval(s));
            }
            if (starStar != null) {
                Object m = starStar.eval(s);
                if (m instanceof Map<?, ?> map) {
                    map.forEach((k, v) -> out.put(String.valueOf(k), v));
                } else if (!(m instanceof Undefined)) {
                    throw PyException.typeError("argument after ** must be a mapping, not " + PyOps.typeName(m));
                }
            }
            return out;
        }
    }

    static final class Call extends Expr {
        final Expr callee;
        final Args args;

        Call(int line, Expr callee, Args args) {
            super(line);
            this.callee = callee;
            this.args = args;
        }

        @Override
        Object eval(Scope s) {
            return evalWith(s, null);
        }

        /** Evaluates the call, adding {@code caller} for a {@code {% call %}} block. */
        Object evalWith(Scope s, Object caller) {
            Object fn;
            if (callee instanceof Getattr ga) {
                Object self = ga.obj.eval(s);
                if (!(self instanceof Map) && PyMethods.hasMethod(self, ga.name)) {
                    s.frame.line = line;
                    return PyMethods.call(self, ga.name, args.positional(s), args.keywords(s));
                }
                fn = PyAccess.getattr(self, ga.name);
            } else {
                fn = callee.eval(s);
            }
            List<Object> pos = args.positional(s);
            Map<String, Object> kw = args.keywords(s);
            if (caller != null) {
                kw.put("caller", caller);
            }
            s.frame.line = line;
            return s.frame.renderer.call(fn, pos, kw);
        }
    }

    static final class FilterCall extends Expr {
        final Expr input;
        final String name;
        final Filters.Filter filter;
        final Args args;

        FilterCall(int line, Expr input, String name, Filters.Filter filter, Args args) {
            super(line);
            this.input = input;
            this.name = name;
            this.filter = filter;
            this.args = args;
        }

        @Override
        Object eval(Scope s) {
            return apply(s, input.eval(s));
        }

        Object apply(Scope s, Object value) {
            return filter.apply(s.frame.renderer, value, args.positional(s), args.keywords(s));
        }
    }

    static final class TestCall extends Expr {
        final Expr input;
        final Tests.Test test;
        final Args args;
        final boolean negated;

        TestCall(int line, Expr input, Tests.Test test, Args args, boolean negated) {
            super(line);
            this.input = input;
            this.test = test;
            this.args = args;
            this.negated = negated;
        }

        @Override
        Object eval(Scope s) {
            return test.test(s.frame.renderer, input.eval(s), args.positional(s)) != negated;
        }
    }

    static final class BinOp extends Expr {
        final String op;
        final Expr left;
        final Expr right;

        BinOp(int line, String op, Expr left, Expr right) {
            super(line);
            this.op = op;
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(Scope s) {
            Object a = left.eval(s);
            Object b = right.eval(s);
            return switch (op) {
                case "+" -> PyOps.add(a, b);
                case "-" -> PyOps.sub(a, b);
                case "*" -> PyOps.mul(a, b);
                case "/" -> PyOps.div(a, b);
                case "//" -> PyOps.floorDiv(a, b);
                case "%" -> PyOps.mod(a, b);
                case "**" -> PyOps.pow(a, b);
                case "~" -> PyStr.str(a).concat(PyStr.str(b));
                default -> throw new IllegalStateException(op);
            };
        }
    }

    static final class Unary extends Expr {
        final char op;
        final Expr operand;

        Unary(int line, char op, Expr operand) {
            super(line);
            this.op = op;
            this.operand = operand;
        }

        @Override
        Object eval(Scope s) {
            Object v = operand.eval(s);
            return switch (op) {
                case '-' -> PyOps.neg(v);
                case '+' -> PyOps.pos(v);
                default -> !PyOps.truthy(v);
            };
        }
    }

    static final class Logic extends Expr {
        final boolean and;
        final Expr left;
        final Expr right;

        Logic(int line, boolean and, Expr left, Expr right) {
            super(line);
            this.and = and;
            this.left = left;
            this.right = right;
        }

        @Override
        Object eval(Scope s) {
            Object a = left.eval(s);
            return PyOps.truthy(a) == and ? right.eval(s) : a;
        }
    }

    static final class Compare extends Expr {
        final Expr first;
        final List<String> ops;
        final List<Expr> operands;

        Compare(int line, Expr first, List<String> ops, List<Expr> operands) {
            super(line);
            this.first = first;
            this.ops = List.copyOf(ops);
            this.operands = List.copyOf(operands);
        }

        @Override
        Object eval(Scope s) {
            Object a = first.eval(s);
            for (int i = 0; i < ops.size(); i++) {
                Object b = operands.get(i).eval(s);
                if (!compare(ops.get(i), a, b)) {
                    return false;
                }
                a = b;
            }
            return true;
        }

        static boolean compare(String op, Object a, Object b) {
            return switch (op) {
                case "==" -> PyOps.eq(a, b);
                case "!=" -> !PyOps.eq(a, b);
                case "<" -> PyOps.compare(a, b, op) < 0;
                case "<=" -> PyOps.compare(a, b, op) <= 0;
                case ">" -> PyOps.compare(a, b, op) > 0;
                case ">=" -> PyOps.compare(a, b, op) >= 0;
                case "in" -> PySeq.contains(b, a);
                case "notin" -> !PySeq.contains(b, a);
                default -> throw new IllegalStateException(op);
            };
        }
    }

    static final class CondExpr extends Expr {
        final Expr test;
        final Expr then;
        final Expr otherwise;

        CondExpr(int line, Expr test, Expr then, Expr otherwise) {
            super(line);
            this.test = test;
            this.then = then;
            this.otherwise = otherwise;
        }

        @Override
        Object eval(Scope s) {
            if (PyOps.truthy(test.eval(s))) {
                return then.eval(s);
            }
            return otherwise == null ? Undefined.withMessage("the inline if-expression on line " + line
                    + " evaluated to false and no else section was defined.") : otherwise.eval(s);
        }
    }
}
