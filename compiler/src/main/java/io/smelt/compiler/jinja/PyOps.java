package io.smelt.compiler.jinja;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Python semantics of operators, truth, equality, ordering and iteration over template values. */
final class PyOps {
    private static final int NOT_NUM = 0;
    private static final int INT = 1;
    private static final int BIG = 2;
    private static final int DEC = 3;
    private static final int FLOAT = 4;

    private PyOps() {
    }

    static int numKind(Object v) {
        if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte
                || v instanceof Boolean) {
            return INT;
        }
        if (v instanceof Double || v instanceof Float) {
            return FLOAT;
        }
        if (v instanceof BigInteger) {
            return BIG;
        }
        if (v instanceof BigDecimal) {
            return DEC;
        }
        if (v instanceof Number) {
            return FLOAT;
        }
        return NOT_NUM;
    }

    static boolean isNumber(Object v) {
        return numKind(v) != NOT_NUM;
    }

    static boolean isInteger(Object v) {
        int k = numKind(v);
        return (k == INT || k == BIG) && !(v instanceof Boolean);
    }

    static long toLong(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return ((Number) v).longValue();
    }

    static double toDouble(Object v) {
        if (v instanceof Boolean b) {
            return b ? 1 : 0;
        }
        return ((Number) v).doubleValue();
    }

    private static BigInteger toBig(Object v) {
        return v instanceof BigInteger b ? b : BigInteger.valueOf(toLong(v));
    }

    private static BigDecimal toDec(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        return v instanceof BigInteger b ? new BigDecimal(b) : BigDecimal.valueOf(toLong(v));
    }

    static Object normalizeBig(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    static String typeName(Object v) {
        if (v == null) {
            return "NoneType";
        }
        if (v instanceof Boolean) {
            return "bool";
        }
        if (v instanceof String) {
            return "str";
        }
        if (v instanceof PyTuple) {
            return "tuple";
        }
        if (v instanceof List) {
            return "list";
        }
        if (v instanceof Map) {
            return "dict";
        }
        if (v instanceof Set) {
            return "set";
        }
        if (v instanceof Undefined) {
            return "Undefined";
        }
        if (v instanceof PyObject p) {
            return p.typeName();
        }
        return switch (numKind(v)) {
            case INT, BIG -> "int";
            case FLOAT -> "float";
            case DEC -> "decimal.Decimal";
            default -> v.getClass().getSimpleName();
        };
    }

    static boolean truthy(Object v) {
        if (v instanceof Boolean b) {
            return b;
        }
        if (v == null || v instanceof Undefined) {
            return false;
        }
        if (v instanceof String s) {
            return !s.isEmpty();
        }
        if (v instanceof Collection<?> c) {
            return !c.isEmpty();
        }
        if (v instanceof Map<?, ?> m) {
            return !m.isEmpty();
        }
        return switch (numKind(v)) {
            case INT -> toLong(v) != 0;
            case FLOAT -> toDouble(v) != 0;
            case BIG -> ((BigInteger) v).signum() != 0;
            case DEC -> ((BigDecimal) v).signum() != 0;
            default -> true;
        };
    }

    static boolean eq(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a == null || b == null) {
            return false;
        }
        if (a instanceof String) {
            return a.equals(b);
        }
        int ka = numKind(a);
        int kb = numKind(b);
        if (ka != NOT_NUM && kb != NOT_NUM) {
            return compareNumbers(a, b, ka, kb) == 0;
        }
        if (a instanceof Undefined || b instanceof Undefined) {
            return a instanceof Undefined && b instanceof Undefined;
        }
        if (a instanceof List<?> la && b instanceof List<?> lb) {
            if ((a instanceof PyTuple) != (b instanceof PyTuple) || la.size() != lb.size()) {
                return false;
            }
            for (int i = 0; i < la.size(); i++) {
                if (!eq(la.get(i), lb.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (a instanceof Map<?, ?> ma && b instanceof Map<?, ?> mb) {
            if (ma.size() != mb.size()) {
                return false;
            }
            for (Map.Entry<?, ?> e : ma.entrySet()) {
                if (!mb.containsKey(e.getKey()) || !eq(e.getValue(), mb.get(e.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return a.equals(b);
    }

    private static int compareNumbers(Object a, Object b, int ka, int kb) {
        int k = Math.max(ka, kb);
        return switch (k) {
            case INT -> Long.compare(toLong(a), toLong(b));
            case BIG -> toBig(a).compareTo(toBig(b));
            case DEC -> toDec(a).compareTo(toDec(b));
            default -> {
                double x = toDouble(a);
                double y = toDouble(b);
                yield x < y ? -1 : x > y ? 1 : 0;
            }
        };
    }

    /** Ordering for {@code < <= > >=} and sorting; a TypeError between unorderable types. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b, String op) {
        int ka = numKind(a);
        int kb = numKind(b);
        if (ka != NOT_NUM && kb != NOT_NUM) {
            return compareNumbers(a, b, ka, kb);
        }
        if (a instanceof String sa && b instanceof String sb) {
            return sa.compareTo(sb);
        }
        if (a instanceof List<?> la && b instanceof List<?> lb && (a instanceof PyTuple) == (b instanceof PyTuple)) {
            for (int i = 0; i < Math.min(la.size(), lb.size()); i++) {
                if (!eq(la.get(i), lb.get(i))) {
                    return compare(la.get(i), lb.get(i), op);
                }
            }
            return Integer.compare(la.size(), lb.size());
        }
        if (a instanceof Comparable ca && a.getClass() == b.getClass()) {
            return ca.compareTo(b);
        }
        throw PyException.typeError("'" + op + "' not supported between instances of '" + typeName(a) + "' and '"
                + typeName(b) + "'");
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
        int ka = numKind(a);
        int kb = numKind(b);
        if (ka != NOT_NUM && kb != NOT_NUM) {
            return arith('+', a, b, Math.max(ka, kb));
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
        int ka = numKind(a);
        int kb = numKind(b);
        if (ka != NOT_NUM && kb != NOT_NUM) {
            return arith('-', a, b, Math.max(ka, kb));
        }
        if (a instanceof Set<?> sa && b instanceof Set<?> sb) {
            Set<Object> r = new java.util.LinkedHashSet<>(sa);
            r.removeAll(sb);
            return r;
        }
        if (a instanceof PyDateTime.Arith x) {
            return x.sub(b);
        }
        throw unsupported("-", a, b);
    }

    static Object mul(Object a, Object b) {
        int ka = numKind(a);
        int kb = numKind(b);
        if (ka != NOT_NUM && kb != NOT_NUM) {
            return arith('*', a, b, Math.max(ka, kb));
        }
        if (kb == INT && (a instanceof String || a instanceof List)) {
            return repeat(a, toLong(b));
        }
        if (ka == INT && (b instanceof String || b instanceof List)) {
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
        int ka = numKind(a);
        int kb = numKind(b);
        if (ka == NOT_NUM || kb == NOT_NUM) {
            if (a instanceof PyDateTime.Arith x) {
                return x.div(b);
            }
            throw unsupported("/", a, b);
        }
        int k = Math.max(ka, kb);
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
        int ka = numKind(a);
        int kb = numKind(b);
        if (ka == NOT_NUM || kb == NOT_NUM) {
            throw unsupported(op, a, b);
        }
        return Math.max(ka, kb);
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

    static boolean contains(Object container, Object item) {
        if (container instanceof String s) {
            if (item instanceof String sub) {
                return s.contains(sub);
            }
            throw PyException.typeError("'in <string>' requires string as left operand, not " + typeName(item));
        }
        if (container instanceof Map<?, ?> m) {
            if (m.containsKey(item)) {
                return true;
            }
            if (isNumber(item)) {
                for (Object k : m.keySet()) {
                    if (eq(k, item)) {
                        return true;
                    }
                }
            }
            return false;
        }
        if (container instanceof Collection<?> c) {
            for (Object o : c) {
                if (eq(o, item)) {
                    return true;
                }
            }
            return false;
        }
        if (container instanceof Undefined) {
            return false;
        }
        if (container instanceof io.smelt.compiler.jinja.JinjaObject jo) {
            return item instanceof String name && jo.attribute(name) != null;
        }
        if (container instanceof Iterable<?> it) {
            for (Object o : it) {
                if (eq(o, item)) {
                    return true;
                }
            }
            return false;
        }
        throw PyException.typeError("argument of type '" + typeName(container) + "' is not iterable");
    }

    /** The items a {@code for} loop or a filter walks, as a list the caller may keep. */
    static List<Object> iterate(Object v) {
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        if (v instanceof Map<?, ?> m) {
            return new ArrayList<>(m.keySet());
        }
        if (v instanceof String s) {
            List<Object> chars = new ArrayList<>(s.length());
            s.codePoints().forEach(cp -> chars.add(new String(Character.toChars(cp))));
            return chars;
        }
        if (v instanceof Collection<?> c) {
            return new ArrayList<>(c);
        }
        if (v instanceof Undefined) {
            return new ArrayList<>();
        }
        if (v instanceof Iterable<?> it) {
            List<Object> r = new ArrayList<>();
            it.forEach(r::add);
            return r;
        }
        if (v instanceof Iterator<?> it) {
            List<Object> r = new ArrayList<>();
            it.forEachRemaining(r::add);
            return r;
        }
        if (v instanceof Object[] arr) {
            return new ArrayList<>(List.of(arr));
        }
        throw PyException.typeError("'" + typeName(v) + "' object is not iterable");
    }

    static long length(Object v) {
        if (v instanceof String s) {
            return s.codePointCount(0, s.length());
        }
        if (v instanceof Collection<?> c) {
            return c.size();
        }
        if (v instanceof Map<?, ?> m) {
            return m.size();
        }
        if (v instanceof Undefined) {
            return 0;
        }
        if (v instanceof Iterable<?>) {
            return iterate(v).size();
        }
        throw PyException.typeError("object of type '" + typeName(v) + "' has no len()");
    }
}
