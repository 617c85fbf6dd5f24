package io.smelt.compiler.jinja;

import java.util.ArrayList;
import java.util.List;

/** Splits tag text ({@code {% for a, b in x if c %}}) at top-level separators, outside quotes and brackets. */
final class TagText {
    private TagText() {
    }

    /** Parts separated by {@code sep} at bracket depth 0, trimmed; a trailing empty part is dropped. */
    static List<String> split(String s, char sep) {
        List<String> parts = new ArrayList<>();
        int[] start = {0};
        scan(s, 0, (i, c, depth) -> {
            if (c == sep && depth == 0) {
                parts.add(s.substring(start[0], i).trim());
                start[0] = i + 1;
            }
            return false;
        });
        String last = s.substring(start[0]).trim();
        if (!last.isEmpty() || parts.isEmpty()) {
            parts.add(last);
        }
        return parts;
    }

    /** Index of {@code word} as a whole word at depth 0 outside strings, or -1. */
    static int indexOfWord(String s, String word, int from) {
        return scan(s, 0, (i, c, depth) -> depth == 0 && i >= from && s.startsWith(word, i)
                && (i == 0 || !isNameChar(s.charAt(i - 1)))
                && (i + word.length() == s.length() || !isNameChar(s.charAt(i + word.length()))));
    }

    /** Index of an assignment {@code =} at depth 0 (not {@code ==}, {@code !=}, {@code <=}, {@code >=}), or -1. */
    static int indexOfAssign(String s) {
        return scan(s, 0, (i, c, depth) -> {
            if (c != '=' || depth != 0) {
                return false;
            }
            char prev = i > 0 ? s.charAt(i - 1) : ' ';
            char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
            return next != '=' && prev != '=' && prev != '!' && prev != '<' && prev != '>';
        });
    }

    /** Index of the bracket closing the one at {@code open}, or -1. */
    static int matching(String s, int open) {
        return scan(s, open, (i, c, depth) -> depth == 0 && isClose(c));
    }

    /** Start of the final top-level parenthesised group when it ends the text ({@code f(x)(y)} gives the second). */
    static int lastCallArgs(String s) {
        String t = s.stripTrailing();
        if (!t.endsWith(")")) {
            return -1;
        }
        int[] lastOpen = {-1};
        scan(t, 0, (i, c, depth) -> {
            if (depth == 0 && isOpen(c)) {
                lastOpen[0] = i;
            }
            return false;
        });
        return lastOpen[0] > 0 && t.charAt(lastOpen[0]) == '(' ? lastOpen[0] : -1;
    }

    /** What {@link #scan} asks of each character outside string literals; true stops the scan there. */
    @FunctionalInterface
    private interface Visitor {
        /** {@code depth} is the bracket depth outside {@code c}: before an opening bracket, after a closing one. */
        boolean at(int i, char c, int depth);
    }

    /** Walks {@code s} from {@code from}, skipping string literals; the index where the visitor stopped, or -1. */
    private static int scan(String s, int from, Visitor visitor) {
        int depth = 0;
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipString(s, i);
                continue;
            }
            if (isClose(c)) {
                depth--;
            }
            if (visitor.at(i, c, depth)) {
                return i;
            }
            if (isOpen(c)) {
                depth++;
            }
        }
        return -1;
    }

    private static boolean isOpen(char c) {
        return c == '(' || c == '[' || c == '{';
    }

    private static boolean isClose(char c) {
        return c == ')' || c == ']' || c == '}';
    }

    /** A block tag's text without the colon Jinja2 accepts after it for Python compatibility ({@code if x:}). */
    static String helpers(com.hubspot.jinjava.tree.TagNode tag) {
        String h = tag.getHelpers().strip();
        return h.endsWith(":") && !h.endsWith("::") ? h.substring(0, h.length() - 1) : h;
    }

    static boolean isName(String s) {
        if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0)) || s.charAt(0) == '$') {
            return false;
        }
        return s.chars().allMatch(TagText::isNameChar);
    }

    private static boolean isNameChar(int c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static int skipString(String s, int start) {
        char q = s.charAt(start);
        for (int i = start + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                i++;
            } else if (c == q) {
                return i;
            }
        }
        return s.length();
    }
}
