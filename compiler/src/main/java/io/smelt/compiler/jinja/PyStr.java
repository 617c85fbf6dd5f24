package io.smelt.compiler.jinja;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Python's {@code str()} and {@code repr()} for template values (and for dbt's test names and ids). */
public final class PyStr {
    private PyStr() {
    }

    /** What {@code {{ value }}} prints. */
    public static String str(Object v) {
        if (v instanceof String s) {
            return s;
        }
        if (v == null) {
            return "None";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof Double || v instanceof Float) {
            return floatRepr(((Number) v).doubleValue());
        }
        if (v instanceof Number || v instanceof Undefined) {
            return v.toString();
        }
        if (v instanceof Collection<?> || v instanceof Map<?, ?>) {
            StringBuilder b = new StringBuilder();
            appendRepr(b, v);
            return b.toString();
        }
        return v.toString();
    }

    public static String repr(Object v) {
        StringBuilder b = new StringBuilder();
        appendRepr(b, v);
        return b.toString();
    }

    static void appendRepr(StringBuilder b, Object v) {
        if (v instanceof String s) {
            quote(b, s);
        } else if (v instanceof PyTuple t) {
            b.append('(');
            for (int i = 0; i < t.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                appendRepr(b, t.get(i));
            }
            b.append(t.size() == 1 ? ",)" : ")");
        } else if (v instanceof List<?> l) {
            b.append('[');
            for (int i = 0; i < l.size(); i++) {
                if (i > 0) {
                    b.append(", ");
                }
                appendRepr(b, l.get(i));
            }
            b.append(']');
        } else if (v instanceof Set<?> s) {
            if (s.isEmpty()) {
                b.append("set()");
                return;
            }
            b.append('{');
            Iterator<?> it = s.iterator();
            while (it.hasNext()) {
                appendRepr(b, it.next());
                if (it.hasNext()) {
                    b.append(", ");
                }
            }
            b.append('}');
        } else if (v instanceof Map<?, ?> m) {
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (!first) {
                    b.append(", ");
                }
                first = false;
                appendRepr(b, e.getKey());
                b.append(": ");
                appendRepr(b, e.getValue());
            }
            b.append('}');
        } else if (v instanceof Undefined) {
            b.append("Undefined");
        } else if (v instanceof BigDecimal d) {
            b.append("Decimal('").append(d).append("')");
        } else if (v instanceof PyDateTime.Arith t) {
            b.append(t.repr());
        } else {
            b.append(str(v));
        }
    }

    private static void quote(StringBuilder b, String s) {
        char q = s.indexOf('\'') >= 0 && s.indexOf('"') < 0 ? '"' : '\'';
        b.append(q);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c == q) {
                        b.append('\\').append(c);
                    } else if (c < 0x20 || c == 0x7f) {
                        b.append(String.format("\\x%02x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append(q);
    }

    /** Python's {@code repr(float)}: shortest round-trip digits, scientific below 1e-4 and from 1e16. */
    static String floatRepr(double d) {
        if (Double.isNaN(d)) {
            return "nan";
        }
        if (Double.isInfinite(d)) {
            return d > 0 ? "inf" : "-inf";
        }
        if (d == 0) {
            return 1 / d < 0 ? "-0.0" : "0.0";
        }
        BigDecimal bd = new BigDecimal(Double.toString(Math.abs(d))).stripTrailingZeros();
        String digits = bd.unscaledValue().toString();
        int exp = digits.length() - 1 - bd.scale();
        StringBuilder b = new StringBuilder();
        if (d < 0) {
            b.append('-');
        }
        if (exp >= -4 && exp < 16) {
            String plain = bd.toPlainString();
            b.append(plain);
            if (plain.indexOf('.') < 0) {
                b.append(".0");
            }
        } else {
            b.append(digits.charAt(0));
            if (digits.length() > 1) {
                b.append('.').append(digits, 1, digits.length());
            }
            b.append('e').append(exp < 0 ? '-' : '+');
            int ae = Math.abs(exp);
            if (ae < 10) {
                b.append('0');
            }
            b.append(ae);
        }
        return b.toString();
    }
}
