package io.smelt.compiler.jinja;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import static io.smelt.compiler.jinja.PyOps.BIG;
import static io.smelt.compiler.jinja.PyOps.DEC;
import static io.smelt.compiler.jinja.PyOps.FLOAT;
import static io.smelt.compiler.jinja.PyOps.INT;
import static io.smelt.compiler.jinja.PyOps.NOT_NUM;
import static io.smelt.compiler.jinja.PyOps.isNumber;
import static io.smelt.compiler.jinja.PyOps.normalizeBig;
import static io.smelt.compiler.jinja.PyOps.numKind;
import static io.smelt.compiler.jinja.PyOps.toBig;
import static io.smelt.compiler.jinja.PyOps.toDec;
import static io.smelt.compiler.jinja.PyOps.toDouble;
import static io.smelt.compiler.jinja.PyOps.toLong;
import static io.smelt.compiler.jinja.PyOps.typeName;

/** Python's arithmetic operators ({@code + - * / // % **}, unary {@code -} and {@code +}) on template values. */
final class PyArith {
    private PyArith() {
    }

    private static PyException unsupported(String op, Object a, Object b) {
        if (a instanceof Undefined u) {
            return u.error();
        }
        if (b instanceof Undefined u) {
            return u.error();
        }
        return PyException.typeError("unsupported operand type(s) for " + op + ": '" + typeName(a) + "' and '"
                + typeName(b) + "'");
    }

    static Object add(Object a, Object b) {
        if (a instanceof String sa && b instanceof String sb) {
            return sa.concat(sb);
        }
        int k = commonKind(a, b);
        if (k != NOT_NUM) {
            return arith('+', a, b, k);
        }
        if (a instanceof PyTuple ta && b instanceof PyTuple tb) {
            List<Object> all = new ArrayList<>(ta);
            all.addAll(tb);
            return PyTuple.copyOf(all);
        }
        if (a instanceof List<?> la && b instanceof List<?> lb && !(a instanceof PyTuple) && !(b instanceof PyTuple)) {
            List<Object> all = new ArrayList<>(la.size() + lb.size());
            all.addAll(la);
            all.addAll(lb);
            return all;
        }
        if (a instanceof PyDateTime.Arith x) {
            return x.add(b);
        }
        if (b instanceof PyDateTime.Arith x) {
            return x.add(a);
        }
        if (a instanceof String && !(b instanceof Undefined)) {
            throw PyException.typeError("can only concatenate str (not \"" + typeName(b) + "\") to str");
        }
        throw unsupported("+", a, b);
    }

    static Object sub(Object a, Object b) {
        int k = commonKind(a, b);
        if (k != NOT_NUM) {
            return arith('-', a, b, k);
        }
        if (a instanceof Set<?> sa && b instanceof Set<?> sb) {
            Set<Object> r = new LinkedHashSet<>(sa);
            r.removeAll(sb);
            return r;
        }
        if (a instanceof PyDateTime.Arith x) {
            return x.sub(b);
        }
        throw unsupported("-", a, b);
    }

    static Object mul(Object a, Object b) {
        int k = commonKind(a, b);
        if (k != NOT_NUM) {
            return arith('*', a, b, k);
        }
        if (numKind(b) == INT && (a instanceof String || a instanceof List)) {
            return repeat(a, toLong(b));
        }
        if (numKind(a) == INT && (b instanceof String || b instanceof List)) {
            return repeat(b, toLong(a));
        }
        if (a instanceof PyDateTime.Arith x) {
            return x.mul(b);
        }
        throw unsupported("*", a, b);
    }

    private static Object repeat(Object seq, long times) {
        if (seq instanceof String s) {
            return times <= 0 ? "" : s.repeat((int) times);
        }
        List<?> l = (List<?>) seq;
        List<Object> r = new ArrayList<>();
        for (long i = 0; i < times; i++) {
            r.addAll(l);
        }
        return seq instanceof PyTuple ? PyTuple.copyOf(r) : r;
    }

    static Object div(Object a, Object b) {
        int k = commonKind(a, b);
        if (k == NOT_NUM) {
            if (a instanceof PyDateTime.Arith x) {
                return x.div(b);
            }
            throw unsupported("/", a, b);
        }
        if (k == DEC) {
            if (toDec(b).signum() == 0) {
                throw new PyException("division by zero");
            }
            return toDec(a).divide(toDec(b), MathContext.DECIMAL128);
        }
        double y = toDouble(b);
        if (y == 0) {
            throw new PyException("division by zero");
        }
        return toDouble(a) / y;
    }

    static Object floorDiv(Object a, Object b) {
        if (a instanceof PyDateTime.Arith x && commonKind(a, b) == NOT_NUM) {
            return x.floorDiv(b);
        }
        return arith('f', a, b, checkNumbers("//", a, b));
    }

    static Object mod(Object a, Object b) {
        if (a instanceof String s) {
            return PyFormat.percent(s, b);
        }
        return arith('%', a, b, checkNumbers("%", a, b));
    }

    static Object pow(Object a, Object b) {
        return arith('^', a, b, checkNumbers("**", a, b));
    }

    private static int checkNumbers(String op, Object a, Object b) {
        int k = commonKind(a, b);
        if (k == NOT_NUM) {
            throw unsupported(op, a, b);
        }
        return k;
    }

    /** The kind two numbers widen to ({@code int + float} is a float), or NOT_NUM unless both are numbers. */
    private static int commonKind(Object a, Object b) {
        int ka = numKind(a);
        int kb = numKind(b);
        return ka == NOT_NUM || kb == NOT_NUM ? NOT_NUM : Math.max(ka, kb);
    }

    static Object neg(Object a) {
        return switch (numKind(a)) {
            case INT -> toLong(a) == Long.MIN_VALUE ? BigInteger.valueOf(Long.MIN_VALUE).negate() : (Object) (-toLong(a));
            case BIG -> normalizeBig(((BigInteger) a).negate());
            case DEC -> ((BigDecimal) a).negate();
            case FLOAT -> -toDouble(a);
            default -> {
                if (a instanceof Undefined u) {
                    throw u.error();
                }
                if (a instanceof PyTimeDelta d) {
                    yield d.negate();
                }
                throw PyException.typeError("bad operand type for unary -: '" + typeName(a) + "'");
            }
        };
    }

    static Object pos(Object a) {
        if (!isNumber(a)) {
            if (a instanceof Undefined u) {
                throw u.error();
            }
            throw PyException.typeError("bad operand type for unary +: '" + typeName(a) + "'");
        }
        return a instanceof Boolean b ? (Object) (b ? 1L : 0L) : a;
    }

    private static Object arith(char op, Object a, Object b, int kind) {
        switch (kind) {
            case FLOAT -> {
                double x = toDouble(a);
                double y = toDouble(b);
                switch (op) {
                    case '+': return x + y;
                    case '-': return x - y;
                    case '*': return x * y;
                    case '^': return Math.pow(x, y);
                    default:
                        if (y == 0) {
                            throw new PyException(op == '%' ? "float modulo" : "float divmod()");
                        }
                        if (op == 'f') {
                            return Math.floor(x / y);
                        }
                        double r = x % y;
                        if (r != 0 && (r < 0) != (y < 0)) {
                            r += y;
                        }
                        return r;
                }
            }
            case DEC -> {
                BigDecimal x = toDec(a);
                BigDecimal y = toDec(b);
                switch (op) {
                    case '+': return x.add(y);
                    case '-': return x.subtract(y);
                    case '*': return x.multiply(y);
                    case '^': return x.pow(y.intValueExact(), MathContext.DECIMAL128);
                    default:
                        if (y.signum() == 0) {
                            throw new PyException("division by zero");
                        }
                        BigDecimal q = x.divideToIntegralValue(y);
                        return op == 'f' ? q : x.subtract(q.multiply(y));
                }
            }
            case BIG -> {
                return bigArith(op, toBig(a), toBig(b));
            }
            default -> {
                long x = toLong(a);
                long y = toLong(b);
                try {
                    switch (op) {
                        case '+': return Math.addExact(x, y);
                        case '-': return Math.subtractExact(x, y);
                        case '*': return Math.multiplyExact(x, y);
                        case '^':
                            if (y < 0) {
                                return Math.pow(x, y);
                            }
                            return bigArith(op, BigInteger.valueOf(x), BigInteger.valueOf(y));
                        default:
                            if (y == 0) {
                                throw new PyException(op == 'f' ? "integer division or modulo by zero"
                                        : "integer modulo by zero");
                            }
                            return op == 'f' ? Math.floorDiv(x, y) : Math.floorMod(x, y);
                    }
                } catch (ArithmeticException overflow) {
                    return bigArith(op, BigInteger.valueOf(x), BigInteger.valueOf(y));
                }
            }
        }
    }

    private static Object bigArith(char op, BigInteger x, BigInteger y) {
        BigInteger r = switch (op) {
            case '+' -> x.add(y);
            case '-' -> x.subtract(y);
            case '*' -> x.multiply(y);
            case '^' -> x.pow(y.intValueExact());
            default -> {
                if (y.signum() == 0) {
                    throw new PyException("integer division or modulo by zero");
                }
                BigInteger[] qr = x.divideAndRemainder(y);
                if (qr[1].signum() != 0 && qr[1].signum() != y.signum()) {
                    qr[0] = qr[0].subtract(BigInteger.ONE);
                    qr[1] = qr[1].add(y);
                }
                yield op == 'f' ? qr[0] : qr[1];
            }
        };
        return normalizeBig(r);
    }
}
