package io.smelt.compiler.jinja;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Translates a Python {@code re} pattern into a {@code java.util.regex} one, following Python's rules where
 * the two differ: a brace that does not open a valid quantifier is a literal ({@code {{}, {@code {x}}),
 * {@code {,n}} means {@code {0,n}}, {@code (?P<name>...)} and {@code (?P=name)} name groups, {@code \Z} is the
 * very end, leading inline flags ({@code (?ix)}) apply to the whole pattern, verbose mode ignores whitespace
 * and comments outside character classes only, {@code (?#...)} is a comment, and inside a class {@code [}
 * and {@code &&} are literals.
 */
final class PyRePattern {
    static final long IGNORECASE = 2;
    static final long MULTILINE = 8;
    static final long DOTALL = 16;
    static final long VERBOSE = 64;
    static final long ASCII = 256;

    private final String src;
    private final StringBuilder out = new StringBuilder();
    private final Map<String, Integer> names = new LinkedHashMap<>();
    private long flags;
    private int group;
    private int i;

    private PyRePattern(String src, long flags) {
        this.src = src;
        this.flags = flags;
    }

    /** The compiled pattern, or a {@code re.error} {@link PyException} where Python or Java rejects it. */
    static PyRe.Compiled compile(String src, long flags) {
        PyRePattern t = new PyRePattern(src, flags);
        try {
            t.translate();
            return new PyRe.Compiled(src, t.flags, Pattern.compile(t.out.toString(), t.javaFlags()), t.names);
        } catch (java.util.regex.PatternSyntaxException e) {
            throw new PyException("re.error: " + e.getDescription() + " at position " + e.getIndex());
        } catch (StringIndexOutOfBoundsException e) {
            throw new PyException("re.error: unterminated construct in pattern " + PyStr.repr(src));
        }
    }

    private int javaFlags() {
        int j = Pattern.UNIX_LINES;
        if ((flags & ASCII) == 0) {
            j |= Pattern.UNICODE_CHARACTER_CLASS;
        }
        if ((flags & IGNORECASE) != 0) {
            j |= Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
        }
        if ((flags & MULTILINE) != 0) {
            j |= Pattern.MULTILINE;
        }
        if ((flags & DOTALL) != 0) {
            j |= Pattern.DOTALL;
        }
        return j;
    }

    private void translate() {
        leadingFlags();
        while (i < src.length()) {
            char c = src.charAt(i);
            if (c == '\\') {
                escape(false);
            } else if (c == '[') {
                charClass();
            } else if (c == '{') {
                brace();
            } else if (c == '}') {
                out.append("\\}");
                i++;
            } else if (c == '(') {
                group();
            } else if ((flags & VERBOSE) != 0 && Character.isWhitespace(c)) {
                i++;
            } else if ((flags & VERBOSE) != 0 && c == '#') {
                int nl = src.indexOf('\n', i);
                i = nl < 0 ? src.length() : nl + 1;
            } else {
                out.append(c);
                i++;
            }
        }
    }

    /** {@code (?aiLmsux)} groups at the start set the pattern's flags (Python allows them only there). */
    private void leadingFlags() {
        while (src.startsWith("(?", i)) {
            int close = src.indexOf(')', i);
            String letters = close < 0 ? "" : src.substring(i + 2, close);
            if (letters.isEmpty() || !letters.chars().allMatch(ch -> "aiLmsux".indexOf(ch) >= 0)) {
                return;
            }
            for (char f : letters.toCharArray()) {
                flags |= switch (f) {
                    case 'i' -> IGNORECASE;
                    case 'm' -> MULTILINE;
                    case 's' -> DOTALL;
                    case 'x' -> VERBOSE;
                    case 'a' -> ASCII;
                    default -> 0;
                };
            }
            i = close + 1;
        }
    }

    private void escape(boolean inClass) {
        if (i + 1 >= src.length()) {
            throw new PyException("re.error: bad escape (end of pattern) at position " + i);
        }
        char e = src.charAt(i + 1);
        if (e == 'Z') {
            out.append("\\z");
        } else if (inClass && e == 'b') {
            out.append("\\x08");
        } else {
            out.append('\\').append(e);
        }
        i += 2;
    }

    private void charClass() {
        out.append('[');
        i++;
        if (i < src.length() && src.charAt(i) == '^') {
            out.append('^');
            i++;
        }
        if (i < src.length() && src.charAt(i) == ']') {
            out.append("\\]");
            i++;
        }
        while (i < src.length() && src.charAt(i) != ']') {
            char c = src.charAt(i);
            if (c == '\\') {
                escape(true);
                continue;
            }
            out.append(c == '[' || c == '&' ? "\\" + c : String.valueOf(c));
            i++;
        }
        if (i >= src.length()) {
            throw new PyException("re.error: unterminated character set at position " + (out.length()));
        }
        out.append(']');
        i++;
    }

    /** A quantifier when Python reads one ({@code {m}}, {@code {m,}}, {@code {,n}}, {@code {m,n}}), else a literal. */
    private void brace() {
        int close = src.indexOf('}', i);
        String body = close < 0 ? null : src.substring(i + 1, close);
        if (body != null && body.matches("\\d*(,\\d*)?") && !body.isEmpty() && !body.equals(",")) {
            out.append('{').append(body.startsWith(",") ? "0" + body : body).append('}');
            i = close + 1;
        } else {
            out.append("\\{");
            i++;
        }
    }

    private void group() {
        if (src.startsWith("(?P<", i) || src.startsWith("(?<", i) && !src.startsWith("(?<=", i)
                && !src.startsWith("(?<!", i)) {
            int start = src.indexOf('<', i) + 1;
            int close = src.indexOf('>', i);
            names.put(src.substring(start, close), ++group);
            out.append('(');
            i = close + 1;
        } else if (src.startsWith("(?P=", i)) {
            int close = src.indexOf(')', i);
            Integer n = names.get(src.substring(i + 4, close));
            if (n == null) {
                throw new PyException("re.error: unknown group name '" + src.substring(i + 4, close) + "' at position "
                        + i);
            }
            out.append("(?:\\").append(n).append(')');
            i = close + 1;
        } else if (src.startsWith("(?#", i)) {
            i = src.indexOf(')', i) + 1;
        } else {
            if (!src.startsWith("(?", i)) {
                group++;
            }
            out.append('(');
            i++;
        }
    }
}
