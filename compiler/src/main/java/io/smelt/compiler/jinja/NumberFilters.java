package io.smelt.compiler.jinja;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.Locale;

/** The filters of {@link Filters} that convert and format numbers with Python's rules. */
final class NumberFilters {
    private NumberFilters() {
    }

    static Object toInt(Object v, Object dflt, long base) {
        try {
            if (v instanceof String str) {
                String t = str.strip().replace("_", "");
                if (base == 16 && t.toLowerCase(Locale.ROOT).startsWith("0x")) {
                    t = t.substring(2);
                }
                return PyOps.normalizeBig(new BigInteger(t, (int) base));
            }
            if (PyOps.isInteger(v)) {
                return v;
            }
            if (PyOps.isNumber(v)) {
                return PyOps.normalizeBig(new BigDecimal(PyOps.toDouble(v)).toBigInteger());
            }
        } catch (NumberFormatException | ArithmeticException e) {
            Object f = toFloat(v, null);
            if (f instanceof Double d && !d.isNaN() && !d.isInfinite()) {
                return PyOps.normalizeBig(new BigDecimal(d).toBigInteger());
            }
        }
        return dflt;
    }

    static Object toFloat(Object v, Object dflt) {
        if (PyOps.isNumber(v)) {
            return PyOps.toDouble(v);
        }
        if (v instanceof String str) {
            String t = str.strip().toLowerCase(Locale.ROOT);
            if (t.matches("[+-]?(inf|infinity|nan)")) {
                return t.contains("nan") ? Double.NaN : t.startsWith("-") ? Double.NEGATIVE_INFINITY
                        : Double.POSITIVE_INFINITY;
            }
            try {
                if (t.matches("[+-]?(\\d[\\d_]*\\.?\\d*|\\.\\d+)(e[+-]?\\d+)?")) {
                    return Double.parseDouble(t.replace("_", ""));
                }
            } catch (NumberFormatException ignored) {
                return dflt;
            }
        }
        return dflt;
    }

    static Object abs(Object v) {
        if (v instanceof Double d) {
            return Math.abs(d);
        }
        if (v instanceof BigDecimal d) {
            return d.abs();
        }
        if (PyOps.isNumber(v)) {
            return PyOps.truthy(PyOps.compare(v, 0L, "<") < 0) ? PyArith.neg(v) : PyArith.pos(v);
        }
        throw PyException.typeError("bad operand type for abs(): '" + PyOps.typeName(v) + "'");
    }

    static Object round(Object v, int precision, String method) {
        if (PyOps.isInteger(v) && method.equals("common")) {
            return v;
        }
        BigDecimal d = v instanceof BigDecimal bd ? bd : new BigDecimal(PyOps.toDouble(v));
        RoundingMode mode = switch (method) {
            case "ceil" -> RoundingMode.CEILING;
            case "floor" -> RoundingMode.FLOOR;
            case "common" -> RoundingMode.HALF_EVEN;
            default -> throw new PyException("FilterArgumentError: method must be common, ceil or floor");
        };
        return d.setScale(precision, mode).doubleValue();
    }

    static String filesize(Object v, boolean binary) {
        double bytes = PyOps.toDouble(toFloat(v, 0.0));
        int base = binary ? 1024 : 1000;
        String[] prefixes = binary ? new String[] {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB", "ZiB", "YiB"}
                : new String[] {"kB", "MB", "GB", "TB", "PB", "EB", "ZB", "YB"};
        if (bytes == 1) {
            return "1 Byte";
        }
        if (bytes < base) {
            return (long) bytes + " Bytes";
        }
        String out = null;
        for (int i = 0; i < prefixes.length; i++) {
            double unit = Math.pow(base, i + 2);
            if (bytes < unit) {
                return String.format("%.1f %s", base * bytes / unit, prefixes[i]);
            }
            out = String.format("%.1f %s", base * bytes / unit, prefixes[i]);
        }
        return out;
    }
}
