package io.smelt.compiler.jinja;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/** Python's {@code %} formatting, {@code str.format} and the format-spec mini-language. */
final class PyFormat {
    private PyFormat() {
    }

    static String percent(String fmt, Object args) {
        List<?> values = args instanceof PyTuple t ? t : List.of(args == null ? NONE : args);
        Map<?, ?> mapping = args instanceof Map<?, ?> m ? m : null;
        StringBuilder out = new StringBuilder();
        int next = 0;
        int n = fmt.length();
        for (int i = 0; i < n; i++) {
            char c = fmt.charAt(i);
            if (c != '%') {
                out.append(c);
                continue;
            }
            if (++i >= n) {
                throw new PyException("ValueError: incomplete format");
            }
            Object value = null;
            boolean haveValue = false;
            if (fmt.charAt(i) == '(') {
                int close = fmt.indexOf(')', i);
                if (mapping == null || close < 0) {
                    throw PyException.typeError("format requires a mapping");
                }
                value = mapping.get(fmt.substring(i + 1, close));
                haveValue = true;
                i = close + 1;
            }
            String flags = "";
            while (i < n && "-+ #0".indexOf(fmt.charAt(i)) >= 0) {
                flags += fmt.charAt(i++);
            }
            int width = -1;
            int prec = -1;
            int s = i;
            if (i < n && fmt.charAt(i) == '*') {
                width = (int) PyOps.toLong(values.get(next++));
                i++;
            } else {
                while (i < n && Character.isDigit(fmt.charAt(i))) {
                    i++;
                }
                width = i > s ? Integer.parseInt(fmt.substring(s, i)) : -1;
            }
            if (i < n && fmt.charAt(i) == '.') {
                s = ++i;
                while (i < n && Character.isDigit(fmt.charAt(i))) {
                    i++;
                }
                prec = i > s ? Integer.parseInt(fmt.substring(s, i)) : 0;
            }
            while (i < n && "hlL".indexOf(fmt.charAt(i)) >= 0) {
                i++;
            }
            if (i >= n) {
                throw new PyException("ValueError: incomplete format");
            }
            char conv = fmt.charAt(i);
            if (conv == '%') {
                out.append('%');
                continue;
            }
            if (!haveValue) {
                if (next >= values.size()) {
                    throw PyException.typeError("not enough arguments for format string");
                }
                value = values.get(next++);
            }
            if (value == NONE) {
                value = null;
            }
            Spec spec = new Spec();
            spec.align = flags.indexOf('-') >= 0 ? '<' : '>';
            if (flags.indexOf('0') >= 0 && flags.indexOf('-') < 0 && conv != 's' && conv != 'r') {
                spec.fill = '0';
                spec.align = '=';
            }
            spec.sign = flags.indexOf('+') >= 0 ? '+' : flags.indexOf(' ') >= 0 ? ' ' : '-';
            spec.alt = flags.indexOf('#') >= 0;
            spec.width = width;
            spec.precision = prec;
            spec.type = conv == 'i' || conv == 'u' ? 'd' : conv == 'F' ? 'f' : conv;
            switch (conv) {
                case 's' -> out.append(pad(truncate(PyStr.str(value), prec), spec));
                case 'r', 'a' -> out.append(pad(truncate(PyStr.repr(value), prec), spec));
                case 'c' -> out.append(pad(value instanceof String str ? str
                        : new String(Character.toChars((int) PyOps.toLong(value))), spec));
                case 'd', 'i', 'u', 'x', 'X', 'o', 'f', 'F', 'e', 'E', 'g', 'G' -> {
                    if (!PyOps.isNumber(value)) {
                        throw PyException.typeError("%" + conv + " format: a real number is required, not "
                                + PyOps.typeName(value));
                    }
                    if (spec.precision < 0 && "fFeEgG".indexOf(conv) >= 0) {
                        spec.precision = 6;
                    }
                    out.append(number(value, spec));
                }
                default -> throw new PyException("ValueError: unsupported format character '" + conv + "'");
            }
        }
        if (mapping == null && next < values.size()) {
            throw PyException.typeError("not all arguments converted during string formatting");
        }
        return out.toString();
    }

    private static final Object NONE = new Object();

    private static String truncate(String s, int prec) {
        return prec >= 0 && s.length() > prec ? s.substring(0, prec) : s;
    }

    /** A parsed format spec: {@code [[fill]align][sign][#][0][width][,][.precision][type]}. */
    private static final class Spec {
        char fill = ' ';
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
        if (PyOps.isNumber(value) && !(value instanceof Boolean && spec.type == 0)) {
            if (spec.align == 0) {
                spec.align = '>';
            }
            if (spec.type == 0) {
                if (PyOps.isInteger(value)) {
                    spec.type = 'd';
                } else if (spec.precision >= 0) {
                    spec.type = 'g';
                } else {
                    return pad(signed(PyStr.str(value), spec), spec);
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

    private static String signed(String s, Spec spec) {
        if (!s.startsWith("-") && spec.sign != '-') {
            return spec.sign + s;
        }
        return s;
    }

    private static String number(Object value, Spec spec) {
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
                case 'x' -> (spec.alt ? "0x" : "") + v.toString(16);
                case 'X' -> (spec.alt ? "0X" : "") + v.toString(16).toUpperCase(java.util.Locale.ROOT);
                case 'o' -> (spec.alt ? "0o" : "") + v.toString(8);
                case 'b' -> (spec.alt ? "0b" : "") + v.toString(2);
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
        String sign = negative ? "-" : spec.sign == '+' ? "+" : spec.sign == ' ' ? " " : "";
        if (spec.align == '=' && spec.width > 0) {
            int missing = spec.width - sign.length() - body.length();
            return sign + (missing > 0 ? String.valueOf(spec.fill).repeat(missing) : "") + body;
        }
        return pad(sign + body, spec);
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
        if (sep == 0 || digits.length() <= 3) {
            return digits;
        }
        StringBuilder b = new StringBuilder();
        int first = digits.length() % 3;
        b.append(digits, 0, first);
        for (int i = first; i < digits.length(); i += 3) {
            if (b.length() > 0) {
                b.append(sep);
            }
            b.append(digits, i, i + 3);
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

    private static String pad(String s, Spec spec) {
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

    /** {@code str.format(*args, **kwargs)}. */
    static String format(String fmt, List<Object> args, Map<String, Object> kwargs) {
        StringBuilder out = new StringBuilder();
        int auto = 0;
        int n = fmt.length();
        for (int i = 0; i < n; i++) {
            char c = fmt.charAt(i);
            if (c == '}') {
                if (i + 1 < n && fmt.charAt(i + 1) == '}') {
                    i++;
                }
                out.append('}');
                continue;
            }
            if (c != '{') {
                out.append(c);
                continue;
            }
            if (i + 1 < n && fmt.charAt(i + 1) == '{') {
                out.append('{');
                i++;
                continue;
            }
            int depth = 1;
            int j = i + 1;
            while (j < n && depth > 0) {
                if (fmt.charAt(j) == '{') {
                    depth++;
                } else if (fmt.charAt(j) == '}') {
                    depth--;
                }
                j++;
            }
            if (depth > 0) {
                throw new PyException("ValueError: Single '{' encountered in format string");
            }
            String field = fmt.substring(i + 1, j - 1);
            i = j - 1;
            String spec = "";
            int colon = indexOutsideBrackets(field, ':');
            if (colon >= 0) {
                spec = field.substring(colon + 1);
                field = field.substring(0, colon);
                if (spec.indexOf('{') >= 0) {
                    spec = format(spec, args, kwargs);
                }
            }
            char conv = 0;
            int bang = field.indexOf('!');
            if (bang >= 0) {
                conv = field.charAt(bang + 1);
                field = field.substring(0, bang);
            }
            int end = 0;
            while (end < field.length() && field.charAt(end) != '.' && field.charAt(end) != '[') {
                end++;
            }
            String head = field.substring(0, end);
            Object value;
            if (head.isEmpty()) {
                value = positional(args, auto++);
            } else if (head.chars().allMatch(Character::isDigit)) {
                value = positional(args, Integer.parseInt(head));
            } else {
                if (kwargs == null || !kwargs.containsKey(head)) {
                    throw new PyException("KeyError: " + PyStr.repr(head));
                }
                value = kwargs.get(head);
            }
            value = accessChain(value, field.substring(end));
            if (conv == 'r') {
                value = PyStr.repr(value);
            } else if (conv == 's') {
                value = PyStr.str(value);
            }
            out.append(formatValue(value, spec));
        }
        return out.toString();
    }

    private static int indexOutsideBrackets(String s, char c) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '[') {
                depth++;
            } else if (ch == ']') {
                depth--;
            } else if (ch == c && depth == 0) {
                return i;
            }
        }
        return -1;
    }

    private static Object positional(List<Object> args, int i) {
        if (i >= args.size()) {
            throw new PyException("IndexError: Replacement index " + i + " out of range for positional args tuple");
        }
        return args.get(i);
    }

    private static Object accessChain(Object value, String rest) {
        int i = 0;
        while (i < rest.length()) {
            if (rest.charAt(i) == '.') {
                int j = i + 1;
                while (j < rest.length() && rest.charAt(j) != '.' && rest.charAt(j) != '[') {
                    j++;
                }
                value = PyAccess.getattr(value, rest.substring(i + 1, j));
                i = j;
            } else {
                int close = rest.indexOf(']', i);
                String key = rest.substring(i + 1, close);
                value = PyAccess.getitem(value, key.chars().allMatch(Character::isDigit) ? (Object) Long.parseLong(key) : key);
                i = close + 1;
            }
        }
        return value;
    }
}
