package io.smelt.compiler.jinja;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Python semantics of template values: number kinds, type names, truth, equality, ordering, membership, iteration. */
final class PyOps {
    static final int NOT_NUM = 0;
    static final int INT = 1;
    static final int BIG = 2;
    static final int DEC = 3;
    static final int FLOAT = 4;

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

    static BigInteger toBig(Object v) {
        return v instanceof BigInteger b ? b : BigInteger.valueOf(toLong(v));
    }

    static BigDecimal toDec(Object v) {
        if (v instanceof BigDecimal d) {
            return d;
        }
        return v instanceof BigInteger b ? new BigDecimal(b) : BigDecimal.valueOf(toLong(v));
    }

    static Number normalizeBig(BigInteger b) {
        return b.bitLength() < 64 ? (Number) b.longValue() : b;
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
