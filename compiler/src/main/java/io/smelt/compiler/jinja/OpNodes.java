package io.smelt.compiler.jinja;

import com.hubspot.jinjava.el.ext.AdditionOperator;
import com.hubspot.jinjava.el.ext.OrOperator;
import jinjava.de.odysseus.el.tree.Bindings;
import jinjava.de.odysseus.el.tree.impl.ast.AstBinary;
import jinjava.de.odysseus.el.tree.impl.ast.AstNode;
import jinjava.de.odysseus.el.tree.impl.ast.AstUnary;
import jinjava.javax.el.ELContext;

import java.util.List;
import java.util.Map;

/** Operators with Python semantics, plugged into jinjava's {@link AstBinary}/{@link AstUnary} nodes. */
final class OpNodes {
    private static final Map<AstBinary.Operator, String> JUEL_NAMES = Map.ofEntries(
            Map.entry(AstBinary.ADD, "+"), Map.entry(AdditionOperator.OP, "+"), Map.entry(AstBinary.SUB, "-"),
            Map.entry(AstBinary.MUL, "*"), Map.entry(AstBinary.DIV, "/"), Map.entry(AstBinary.MOD, "%"),
            Map.entry(AstBinary.EQ, "=="), Map.entry(AstBinary.NE, "!="), Map.entry(AstBinary.LT, "<"),
            Map.entry(AstBinary.LE, "<="), Map.entry(AstBinary.GT, ">"), Map.entry(AstBinary.GE, ">="),
            Map.entry(AstBinary.AND, "and"), Map.entry(AstBinary.OR, "or"), Map.entry(OrOperator.OP, "or"));

    static final AstUnary.Operator NOT = unary("not", v -> !PyOps.truthy(v));
    static final AstUnary.Operator NEG = unary("-", PyArith::neg);
    static final AstUnary.Operator POS = unary("+", PyArith::pos);

    private OpNodes() {
    }

    private static AstUnary.Operator unary(String name, java.util.function.UnaryOperator<Object> f) {
        return new AstUnary.Operator() {
            @Override
            public Object eval(Bindings bindings, ELContext context, AstNode node) {
                return f.apply(node.eval(bindings, context));
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }

    static String nameOf(AstBinary.Operator op) {
        String name = JUEL_NAMES.get(op);
        if (name == null) {
            throw new IllegalArgumentException("unsupported operator " + op);
        }
        return name;
    }

    static AstBinary.Operator binary(String op) {
        return new Binary(op);
    }

    /** Python's binary operators; {@code and}/{@code or} return an operand, as Python does. */
    record Binary(String op) implements AstBinary.Operator {
        @Override
        public Object eval(Bindings bindings, ELContext context, AstNode left, AstNode right) {
            Object a = left.eval(bindings, context);
            if (op.equals("and")) {
                return PyOps.truthy(a) ? right.eval(bindings, context) : a;
            }
            if (op.equals("or")) {
                return PyOps.truthy(a) ? a : right.eval(bindings, context);
            }
            return apply(op, a, right.eval(bindings, context));
        }

        @Override
        public String toString() {
            return op;
        }
    }

    static Object apply(String op, Object a, Object b) {
        return switch (op) {
            case "+" -> PyArith.add(a, b);
            case "-" -> PyArith.sub(a, b);
            case "*" -> PyArith.mul(a, b);
            case "/" -> PyArith.div(a, b);
            case "//" -> PyArith.floorDiv(a, b);
            case "%" -> PyArith.mod(a, b);
            case "**" -> PyArith.pow(a, b);
            case "~" -> PyStr.str(a instanceof Undefined ? "" : a).concat(PyStr.str(b instanceof Undefined ? "" : b));
            case "==" -> PyOps.eq(a, b);
            case "!=" -> !PyOps.eq(a, b);
            case "<" -> PyOps.compare(a, b, op) < 0;
            case "<=" -> PyOps.compare(a, b, op) <= 0;
            case ">" -> PyOps.compare(a, b, op) > 0;
            case ">=" -> PyOps.compare(a, b, op) >= 0;
            case "in" -> PyOps.contains(b, a);
            case "not in" -> !PyOps.contains(b, a);
            default -> throw new IllegalStateException(op);
        };
    }

    /** {@code a < b < c}: each comparison with the operand shared, stopping at the first false one. */
    static final class Chain extends PyNode {
        private final List<AstNode> operands;
        private final List<String> ops;

        Chain(List<AstNode> operands, List<String> ops) {
            super(operands.toArray(AstNode[]::new));
            this.operands = List.copyOf(operands);
            this.ops = List.copyOf(ops);
        }

        @Override
        public Object eval(Bindings bindings, ELContext context) {
            Object left = operands.get(0).eval(bindings, context);
            for (int i = 0; i < ops.size(); i++) {
                Object right = operands.get(i + 1).eval(bindings, context);
                if (!PyOps.truthy(apply(ops.get(i), left, right))) {
                    return false;
                }
                left = right;
            }
            return true;
        }

        @Override
        public void appendStructure(StringBuilder b, Bindings bindings) {
            operands.get(0).appendStructure(b, bindings);
            for (int i = 0; i < ops.size(); i++) {
                b.append(' ').append(ops.get(i)).append(' ');
                operands.get(i + 1).appendStructure(b, bindings);
            }
        }
    }

    /** {@code yes if cond else no} with Python truthiness. */
    static final class Choice extends PyNode {
        private final AstNode cond;
        private final AstNode yes;
        private final AstNode no;

        Choice(AstNode cond, AstNode yes, AstNode no) {
            super(cond, yes, no);
            this.cond = cond;
            this.yes = yes;
            this.no = no;
        }

        @Override
        public Object eval(Bindings bindings, ELContext context) {
            return PyOps.truthy(cond.eval(bindings, context)) ? yes.eval(bindings, context) : no.eval(bindings, context);
        }

        @Override
        public void appendStructure(StringBuilder b, Bindings bindings) {
            yes.appendStructure(b, bindings);
            b.append(" if ");
            cond.appendStructure(b, bindings);
            b.append(" else ");
            no.appendStructure(b, bindings);
        }
    }

    /** The missing {@code else} of an inline if: undefined, so it prints nothing. */
    static final class NoElse extends PyNode {
        @Override
        public Object eval(Bindings bindings, ELContext context) {
            return Undefined.withMessage("the inline if-expression evaluated to false and no else section was defined.");
        }

        @Override
        public void appendStructure(StringBuilder b, Bindings bindings) {
            b.append("undefined");
        }
    }

    /** A constant such as {@code none}. */
    static final class Const extends PyNode {
        private final Object value;
        private final String image;

        Const(Object value, String image) {
            this.value = value;
            this.image = image;
        }

        @Override
        public Object eval(Bindings bindings, ELContext context) {
            return value;
        }

        @Override
        public void appendStructure(StringBuilder b, Bindings bindings) {
            b.append(image);
        }
    }
}
