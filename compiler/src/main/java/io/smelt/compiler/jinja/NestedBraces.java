package io.smelt.compiler.jinja;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jinja2 ends a {@code {{ }}} only where its brackets balance, so {@code {{ {'a': {'b': 1}}.a }}} is
 * one expression; jinjava's token scanner ends it at the first {@code }}} outside quotes. A space between
 * two closing braces inside an expression keeps the scanner from taking them for the end. Comments with
 * whitespace control are rewritten here too (jinjava trims the wrong text for them). Line numbers stay the
 * same.
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
                i = comment(i);
            } else if (next == '%') {
                Matcher raw = RAW.matcher(source).region(i, n);
                if (raw.lookingAt()) {
                    Matcher end = END_RAW.matcher(source).region(raw.end(), n);
                    i = end.find() ? raw(raw, end) : n;
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

    /**
     * A comment with whitespace control ({@code {#-}, {@code -#}}) takes the whitespace it trims inside
     * itself and loses its dashes, so jinjava has nothing left to trim; returns the index after it.
     */
    private int comment(int start) {
        int n = source.length();
        int end = source.indexOf("#}", start + 2);
        if (end < 0) {
            return n;
        }
        boolean left = source.startsWith("-", start + 2);
        boolean right = end > start + 2 + (left ? 1 : 0) && source.charAt(end - 1) == '-';
        if (!left && !right) {
            return end + 2;
        }
        int before = start;
        while (left && before > copied && Character.isWhitespace(source.charAt(before - 1))) {
            before--;
        }
        int after = end + 2;
        while (right && after < n && Character.isWhitespace(source.charAt(after))) {
            after++;
        }
        if (out == null) {
            out = new StringBuilder(n + 8);
        }
        out.append(source, copied, before).append("{#").append(source, before, start)
                .append(source, start + 2 + (left ? 1 : 0), end - (right ? 1 : 0))
                .append(source, end + 2, after).append("#}");
        copied = after;
        return after;
    }

    /**
     * A raw block with whitespace control: the whitespace it trims moves into comments beside it (so line
     * numbers after it stay), and its tags lose their dashes (jinjava mis-scans them); returns the index after it.
     */
    private int raw(Matcher raw, Matcher end) {
        String open = raw.group();
        String close = end.group();
        if (open.indexOf('-') < 0 && open.indexOf('+') < 0 && close.indexOf('-') < 0 && close.indexOf('+') < 0) {
            return end.end();
        }
        int before = raw.start();
        while (open.startsWith("{%-") && before > copied && Character.isWhitespace(source.charAt(before - 1))) {
            before--;
        }
        int bodyStart = raw.end();
        while (open.endsWith("-%}") && bodyStart < end.start() && Character.isWhitespace(source.charAt(bodyStart))) {
            bodyStart++;
        }
        int bodyEnd = end.start();
        while (close.startsWith("{%-") && bodyEnd > bodyStart && Character.isWhitespace(source.charAt(bodyEnd - 1))) {
            bodyEnd--;
        }
        int after = end.end();
        while (close.endsWith("-%}") && after < source.length() && Character.isWhitespace(source.charAt(after))) {
            after++;
        }
        if (out == null) {
            out = new StringBuilder(source.length() + 16);
        }
        out.append(source, copied, before).append("{#").append(source, before, raw.start())
                .append(source, raw.end(), bodyStart).append("#}{% raw %}").append(source, bodyStart, bodyEnd)
                .append("{% endraw %}{#").append(source, bodyEnd, end.start()).append(source, end.end(), after)
                .append("#}");
        copied = after;
        return after;
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
