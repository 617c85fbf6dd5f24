package io.smelt.compiler.jinja;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;

/** Python's format-spec mini-language ({@code format(value, spec)}), shared by {@code str.format} and {@code %}. */
final class PyFormatSpec {
    private PyFormatSpec() {
    }

    static String truncate(String s, int prec) {
        return prec >= 0 && s.length() > prec ? s.substring(0, prec) : s;
    }

    /** A parsed format spec: {@code [[fill]align][sign][#][0][width][,][.precision][type]}. */
    static final class Spec {
        char fill = ' ';
        boolean fillGiven;
        char align;
        char sign = '-';
        boolean alt;
        int width = -1;
        char grouping;
        int precision = -1;
        char type;
    }

    private static Spec parseSpec(String s) {
        Spec spec = new Spec();
        int i = 0;
        int n = s.length();
        if (n >= 2 && "<>=^".indexOf(s.charAt(1)) >= 0) {
            spec.fill = s.charAt(0);
            spec.fillGiven = true;
            spec.align = s.charAt(1);
            i = 2;
        } else if (n >= 1 && "<>=^".indexOf(s.charAt(0)) >= 0) {
            spec.align = s.charAt(0);
            i = 1;
        }
        if (i < n && "+- ".indexOf(s.charAt(i)) >= 0) {
            spec.sign = s.charAt(i++);
        }
        if (i < n && s.charAt(i) == '#') {
            spec.alt = true;
            i++;
        }
        if (i < n && s.charAt(i) == '0') {
            if (spec.align == 0) {
                spec.fill = '0';
                spec.align = '=';
            } else if (!spec.fillGiven) {
                spec.fill = '0';
            }
            i++;
        }
        int st = i;
        while (i < n && Character.isDigit(s.charAt(i))) {
            i++;
        }
        if (i > st) {
            spec.width = Integer.parseInt(s.substring(st, i));
        }
        if (i < n && (s.charAt(i) == ',' || s.charAt(i) == '_')) {
            spec.grouping = s.charAt(i++);
        }
        if (i < n && s.charAt(i) == '.') {
            st = ++i;
            while (i < n && Character.isDigit(s.charAt(i))) {
                i++;
            }
            spec.precision = Integer.parseInt(s.substring(st, i));
        }
        if (i < n) {
            spec.type = s.charAt(i++);
        }
        if (i < n) {
            throw new PyException("ValueError: Invalid format specifier");
        }
        return spec;
    }

    /** {@code format(value, spec)}. */
    static String formatValue(Object value, String specText) {
        if (specText.isEmpty()) {
            return PyStr.str(value);
        }
        if (value instanceof PyDateTime.Formattable f) {
            return f.strftime(specText);
        }
        Spec spec = parseSpec(specText);
        if (value instanceof Boolean b) {
            value = b ? 1L : 0L;
        }
        if (value == null || value instanceof java.util.Collection<?> || value instanceof java.util.Map<?, ?>) {
            throw PyException.typeError("unsupported format string passed to " + PyOps.typeName(value) + ".__format__");
        }
        if (!PyOps.isInteger(value) && PyOps.isNumber(value) && spec.type != 0 && "dxXobc".indexOf(spec.type) >= 0) {
            throw new PyException("ValueError: Unknown format code '" + spec.type + "' for object of type '"
                    + PyOps.typeName(value) + "'");
        }
        if (PyOps.isNumber(value)) {
            if (spec.align == 0) {
                spec.align = '>';
            }
            if (spec.type == 0) {
                if (PyOps.isInteger(value)) {
                    spec.type = 'd';
                } else if (spec.precision >= 0) {
                    spec.type = 'g';
                } else {
                    return shortest(value, spec);
                }
            }
            if (spec.type == 'n') {
                spec.type = PyOps.isInteger(value) ? 'd' : 'g';
            }
            if (spec.precision < 0 && "fFeEgG%".indexOf(spec.type) >= 0) {
                spec.precision = 6;
            }
            return number(value, spec);
        }
        if (spec.align == 0) {
            spec.align = '<';
        }
        return pad(truncate(PyStr.str(value), spec.precision), spec);
    }

    /** A float without a presentation type: its repr, with the sign, grouping and padding the spec asks for. */
    private static String shortest(Object value, Spec spec) {
        String repr = PyStr.str(value);
        boolean negative = repr.startsWith("-");
        String body = negative ? repr.substring(1) : repr;
        int end = 0;
        while (end < body.length() && Character.isDigit(body.charAt(end))) {
            end++;
        }
        return finish(negative, group(body.substring(0, end), spec.grouping) + body.substring(end), spec);
    }

    static String number(Object value, Spec spec) {
        boolean negative;
        String body;
        char t = spec.type;
        if (t == 'd' || t == 'x' || t == 'X' || t == 'o' || t == 'b' || t == 'c') {
            BigInteger v = PyOps.isInteger(value) || value instanceof Boolean
                    ? new BigInteger(value instanceof Boolean b ? (b ? "1" : "0") : value.toString())
                    : new BigDecimal(PyOps.toDouble(value)).toBigInteger();
            negative = v.signum() < 0;
            v = v.abs();
            body = switch (t) {
                case 'x' -> (spec.alt ? "0x" : "") + group(v.toString(16), spec.grouping, 4);
                case 'X' -> (spec.alt ? "0X" : "") + group(v.toString(16).toUpperCase(java.util.Locale.ROOT), spec.grouping, 4);
                case 'o' -> (spec.alt ? "0o" : "") + group(v.toString(8), spec.grouping, 4);
                case 'b' -> (spec.alt ? "0b" : "") + group(v.toString(2), spec.grouping, 4);
                case 'c' -> new String(Character.toChars(v.intValue()));
                default -> group(v.toString(), spec.grouping);
            };
        } else {
            double d = PyOps.toDouble(value);
            negative = d < 0 || (d == 0 && 1 / d < 0);
            d = Math.abs(d);
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                body = Double.isNaN(d) ? "nan" : "inf";
            } else {
                BigDecimal exact = value instanceof BigDecimal bd ? bd.abs() : new BigDecimal(d);
                body = switch (t) {
                    case 'f', 'F' -> fixed(exact, spec.precision, spec.grouping);
                    case '%' -> fixed(exact.movePointRight(2), spec.precision, spec.grouping) + "%";
                    case 'e', 'E' -> exponent(exact, spec.precision, t == 'E');
                    case 'g', 'G' -> general(exact, spec.precision, spec.alt, t == 'G');
                    default -> throw new PyException("ValueError: Unknown format code '" + t + "' for object of type '"
                            + PyOps.typeName(value) + "'");
                };
            }
        }
        return finish(negative, body, spec);
    }

    /** Sign and padding; zeros padding a grouped number are grouped too ({@code '{:010,}'} gives {@code 00,012,345}). */
    private static String finish(boolean negative, String body, Spec spec) {
        String sign = negative ? "-" : spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "";
        if (spec.align != '=' || spec.width <= 0) {
            return pad(sign + body, spec);
        }
        if (spec.fill == '0' && spec.grouping != 0 && !body.isEmpty() && Character.isDigit(body.charAt(0))) {
            int end = 0;
            while (end < body.length() && (Character.isDigit(body.charAt(end)) || body.charAt(end) == spec.grouping)) {
                end++;
            }
            String digits = body.substring(0, end).replace(String.valueOf(spec.grouping), "");
            String rest = body.substring(end);
            String grouped = group(digits, spec.grouping);
            while (sign.length() + grouped.length() + rest.length() < spec.width) {
                digits = "0" + digits;
                grouped = group(digits, spec.grouping);
            }
            return sign + grouped + rest;
        }
        int missing = spec.width - sign.length() - body.length();
        return sign + (missing > 0 ? String.valueOf(spec.fill).repeat(missing) : "") + body;
    }

    private static String fixed(BigDecimal v, int prec, char grouping) {
        String s = v.setScale(prec, RoundingMode.HALF_EVEN).toPlainString();
        if (grouping == 0) {
            return s;
        }
        int dot = s.indexOf('.');
        return dot < 0 ? group(s, grouping) : group(s.substring(0, dot), grouping) + s.substring(dot);
    }

    private static String group(String digits, char sep) {
        return group(digits, sep, 3);
    }

    private static String group(String digits, char sep, int size) {
        if (sep == 0 || digits.length() <= size) {
            return digits;
        }
        StringBuilder b = new StringBuilder();
        int first = digits.length() % size;
        b.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += size) {
            if (b.length() > 0) {
                b.append(sep);
            }
            b.append(digits, i, i + size);
        }
        return b.toString();
    }

    private static String exponent(BigDecimal v, int prec, boolean upper) {
        String digits;
        int exp;
        if (v.signum() == 0) {
            digits = "0".repeat(prec + 1);
            exp = 0;
        } else {
            BigDecimal r = v.round(new MathContext(prec + 1, RoundingMode.HALF_EVEN));
            digits = r.unscaledValue().toString();
            exp = digits.length() - 1 - r.scale();
            digits = (digits + "0".repeat(prec + 1)).substring(0, prec + 1);
        }
        String mant = digits.substring(0, 1) + (prec > 0 ? "." + digits.substring(1) : "");
        String e = String.format("%s%02d", exp < 0 ? "-" : "+", Math.abs(exp));
        return mant + (upper ? "E" : "e") + e;
    }

    private static String general(BigDecimal v, int prec, boolean alt, boolean upper) {
        int p = prec == 0 ? 1 : prec;
        int exp = 0;
        if (v.signum() != 0) {
            BigDecimal r = v.round(new MathContext(p, RoundingMode.HALF_EVEN));
            exp = r.precision() - 1 - r.scale();
        }
        String s;
        if (exp >= -4 && exp < p) {
            s = fixed(v, p - 1 - exp, (char) 0);
        } else {
            s = exponent(v, p - 1, upper);
        }
        if (!alt) {
            int e = s.indexOf(upper ? 'E' : 'e');
            String mant = e < 0 ? s : s.substring(0, e);
            String tail = e < 0 ? "" : s.substring(e);
            if (mant.indexOf('.') >= 0) {
                mant = mant.replaceAll("0+$", "");
                if (mant.endsWith(".")) {
                    mant = mant.substring(0, mant.length() - 1);
                }
            }
            s = mant + tail;
        }
        return s;
    }

    static String pad(String s, Spec spec) {
        int missing = spec.width - s.length();
        if (missing <= 0) {
            return s;
        }
        String fill = String.valueOf(spec.fill);
        return switch (spec.align) {
            case '<' -> s + fill.repeat(missing);
            case '^' -> fill.repeat(missing / 2) + s + fill.repeat(missing - missing / 2);
            default -> fill.repeat(missing) + s;
        };
    }
}
