package io.smelt.compiler.jinja;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja2 ends a {@code {{ }}} only where its brackets balance, so {@code {{ {'a': {'b': 1}}.a }}} is
 * one expression; jinjava's token scanner ends it at the first {@code }}} outside quotes. A space between
 * two closing braces inside an expression keeps the scanner from taking them for the end; line numbers
 * stay the same.
 */
final class NestedBraces {
    private static final Pattern RAW = Pattern.compile("\\{%[-+]?\\s*raw\\s*[-+]?%}");
    private static final Pattern END_RAW = Pattern.compile("\\{%[-+]?\\s*endraw\\s*[-+]?%}");

    private final String source;
    private StringBuilder out;
    private int copied;
    private int i;

    private NestedBraces(String source) {
        this.source = source;
    }

    static String separate(String source) {
        return new NestedBraces(source).run();
    }

    private String run() {
        int n = source.length();
        while (i < n - 1) {
            char c = source.charAt(i);
            char next = source.charAt(i + 1);
            if (c != '{') {
                i++;
            } else if (next == '#') {
                int end = source.indexOf("#}", i + 2);
                i = end < 0 ? n : end + 2;
            } else if (next == '%') {
                Matcher raw = RAW.matcher(source).region(i, n);
                if (raw.lookingAt()) {
                    Matcher end = END_RAW.matcher(source).region(raw.end(), n);
                    i = end.find() ? end.end() : n;
                } else {
                    i = skipTag(i + 2);
                }
            } else if (next == '{') {
                i = expression(i + 2);
            } else {
                i++;
            }
        }
        if (out == null) {
            return source;
        }
        return out.append(source, copied, n).toString();
    }

    private int skipTag(int from) {
        int n = source.length();
        int j = from;
        while (j < n - 1) {
            char c = source.charAt(j);
            if (c == '\'' || c == '"') {
                j = skipString(j);
            } else if (c == '%' && source.charAt(j + 1) == '}') {
                return j + 2;
            } else {
                j++;
            }
        }
        return n;
    }

    /** Walks an expression from just after its {@code {{} and returns the index after its end. */
    private int expression(int from) {
        int n = source.length();
        int depth = 0;
        int j = from;
        while (j < n) {
            char c = source.charAt(j);
            boolean braceNext = j + 1 < n && source.charAt(j + 1) == '}';
            if (c == '\'' || c == '"') {
                j = skipString(j);
                continue;
            }
            if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == '}' && depth == 0 && braceNext) {
                return j + 2;
            } else if (c == ')' || c == ']' || c == '}') {
                depth = Math.max(depth - 1, 0);
                if (c == '}' && braceNext) {
                    if (out == null) {
                        out = new StringBuilder(n + 8);
                    }
                    out.append(source, copied, j + 1).append(' ');
                    copied = j + 1;
                }
            }
            j++;
        }
        return n;
    }

    private int skipString(int start) {
        char quote = source.charAt(start);
        int n = source.length();
        int j = start + 1;
        while (j < n) {
            char c = source.charAt(j);
            if (c == '\\') {
                j += 2;
            } else if (c == quote) {
                return j + 1;
            } else {
                j++;
            }
        }
        return n;
    }
}
