package io.smelt.compiler.graph;

import java.util.regex.Pattern;

/**
 * Unix shell-style wildcards as Python's {@code fnmatch} reads them, which is what dbt's selector
 * methods use: {@code *} (anything, {@code .} and {@code /} included), {@code ?}, {@code [abc]},
 * {@code [a-z]} and {@code [!abc]}. Case-sensitive.
 */
final class Wildcard {
    private final String literal;
    private final Pattern pattern;

    private Wildcard(String literal, Pattern pattern) {
        this.literal = literal;
        this.pattern = pattern;
    }

    static boolean hasWildcard(String text) {
        return text.indexOf('*') >= 0 || text.indexOf('?') >= 0 || text.indexOf('[') >= 0 || text.indexOf(']') >= 0;
    }

    static Wildcard of(String glob) {
        if (!hasWildcard(glob)) {
            return new Wildcard(glob, null);
        }
        return new Wildcard(null, Pattern.compile(toRegex(glob), Pattern.DOTALL));
    }

    static boolean matches(String text, String glob) {
        return of(glob).matches(text);
    }

    boolean matches(String text) {
        if (text == null) {
            return false;
        }
        return literal != null ? literal.equals(text) : pattern.matcher(text).matches();
    }

    private static String toRegex(String glob) {
        StringBuilder regex = new StringBuilder();
        int i = 0;
        int n = glob.length();
        while (i < n) {
            char c = glob.charAt(i++);
            if (c == '*') {
                regex.append(".*");
            } else if (c == '?') {
                regex.append('.');
            } else if (c == '[') {
                int j = i;
                if (j < n && glob.charAt(j) == '!') {
                    j++;
                }
                if (j < n && glob.charAt(j) == ']') {
                    j++;
                }
                while (j < n && glob.charAt(j) != ']') {
                    j++;
                }
                if (j >= n) {
                    // An unclosed bracket is a literal, as in fnmatch
                    regex.append("\\[");
                } else {
                    String set = glob.substring(i, j).replace("\\", "\\\\");
                    i = j + 1;
                    if (set.startsWith("!")) {
                        set = "^" + set.substring(1);
                    } else if (set.startsWith("^")) {
                        set = "\\" + set;
                    }
                    regex.append('[').append(set.replace("[", "\\[")).append(']');
                }
            } else {
                regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return regex.toString();
    }
}
