package io.smelt.compiler.jinja;

import java.util.List;
import java.util.Map;

import static io.smelt.compiler.jinja.PyFormatSpec.number;
import static io.smelt.compiler.jinja.PyFormatSpec.pad;
import static io.smelt.compiler.jinja.PyFormatSpec.truncate;

/** Python's {@code %} formatting and {@code str.format}; the format specs themselves are {@link PyFormatSpec}'s. */
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
                String key = fmt.substring(i + 1, close);
                if (!mapping.containsKey(key)) {
                    throw new PyException("KeyError: " + PyStr.repr(key));
                }
                value = mapping.get(key);
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
            if (i + 1 < n && fmt.charAt(i) == '.' && fmt.charAt(i + 1) == '*') {
                prec = (int) PyOps.toLong(values.get(next++));
                i += 2;
            } else if (i < n && fmt.charAt(i) == '.') {
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
            PyFormatSpec.Spec spec = new PyFormatSpec.Spec();
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
                case 'r' -> out.append(pad(truncate(PyStr.repr(value), prec), spec));
                case 'a' -> out.append(pad(truncate(ascii(PyStr.repr(value)), prec), spec));
                case 'c' -> out.append(pad(value instanceof String str ? str
                        : new String(Character.toChars((int) PyOps.toLong(value))), spec));
                case 'd', 'i', 'u', 'x', 'X', 'o', 'f', 'F', 'e', 'E', 'g', 'G' -> {
                    if (!PyOps.isNumber(value)) {
                        throw PyException.typeError("%" + conv + " format: a real number is required, not "
                                + PyOps.typeName(value));
                    }
                    if ("xXoc".indexOf(conv) >= 0 && !PyOps.isInteger(value) && !(value instanceof Boolean)) {
                        throw PyException.typeError("%" + conv + " format: an integer is required, not "
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

    /** Python's {@code ascii()}: the repr with non-ASCII characters escaped. */
    private static String ascii(String repr) {
        StringBuilder out = new StringBuilder();
        repr.codePoints().forEach(c -> out.append(c < 0x80 ? Character.toString(c)
                : c < 0x100 ? String.format("\\x%02x", c) : c < 0x10000 ? String.format("\\u%04x", c)
                : String.format("\\U%08x", c)));
        return out.toString();
    }

    /** {@code str.format(*args, **kwargs)}. */
    static String format(String fmt, List<Object> args, Map<String, Object> kwargs) {
        return format(fmt, args, kwargs, new Numbering());
    }

    /** Automatic field numbers run on through nested specs ({@code '{:>{}}'}); mixing them with manual ones is an error. */
    private static final class Numbering {
        int next;
        boolean automatic;
        boolean manual;

        int take(String head) {
            boolean auto = head.isEmpty();
            if (auto ? manual : automatic) {
                throw new PyException("ValueError: cannot switch between automatic field numbering and manual field specification");
            }
            automatic |= auto;
            manual |= !auto;
            return auto ? next++ : Integer.parseInt(head);
        }
    }

    private static String format(String fmt, List<Object> args, Map<String, Object> kwargs, Numbering numbering) {
        StringBuilder out = new StringBuilder();
        int n = fmt.length();
        for (int i = 0; i < n; i++) {
            char c = fmt.charAt(i);
            if (c == '}') {
                if (i + 1 >= n || fmt.charAt(i + 1) != '}') {
                    throw new PyException("ValueError: Single '}' encountered in format string");
                }
                i++;
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
            if (head.chars().allMatch(Character::isDigit)) {
                value = positional(args, numbering.take(head));
            } else {
                if (kwargs == null || !kwargs.containsKey(head)) {
                    throw new PyException("KeyError: " + PyStr.repr(head));
                }
                value = kwargs.get(head);
            }
            value = accessChain(value, field.substring(end));
            if (spec.indexOf('{') >= 0) {
                spec = format(spec, args, kwargs, numbering);
            }
            if (conv == 'r') {
                value = PyStr.repr(value);
            } else if (conv == 's') {
                value = PyStr.str(value);
            }
            out.append(PyFormatSpec.formatValue(value, spec));
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
