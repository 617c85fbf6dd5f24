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
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipString(s, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == sep && depth == 0) {
                parts.add(s.substring(start, i).trim());
                start = i + 1;
            }
        }
        String last = s.substring(start).trim();
        if (!last.isEmpty() || parts.isEmpty()) {
            parts.add(last);
        }
        return parts;
    }

    /** Index of {@code word} as a whole word at depth 0 outside strings, or -1. */
    static int indexOfWord(String s, String word, int from) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipString(s, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (depth == 0 && i >= from && s.startsWith(word, i)
                    && (i == 0 || !isNameChar(s.charAt(i - 1)))
                    && (i + word.length() == s.length() || !isNameChar(s.charAt(i + word.length())))) {
                return i;
            }
        }
        return -1;
    }

    /** Index of an assignment {@code =} at depth 0 (not {@code ==}, {@code !=}, {@code <=}, {@code >=}), or -1. */
    static int indexOfAssign(String s) {
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipString(s, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            } else if (c == '=' && depth == 0) {
                char prev = i > 0 ? s.charAt(i - 1) : ' ';
                char next = i + 1 < s.length() ? s.charAt(i + 1) : ' ';
                if (next != '=' && prev != '=' && prev != '!' && prev != '<' && prev != '>') {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Index of the bracket closing the one at {@code open}, or -1. */
    static int matching(String s, int open) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipString(s, i);
            } else if (c == '(' || c == '[' || c == '{') {
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                if (--depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    /** Start of the final top-level parenthesised group when it ends the text ({@code f(x)(y)} gives the second). */
    static int lastCallArgs(String s) {
        String t = s.stripTrailing();
        if (!t.endsWith(")")) {
            return -1;
        }
        int depth = 0;
        int lastOpen = -1;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '\'' || c == '"') {
                i = skipString(t, i);
            } else if (c == '(' || c == '[' || c == '{') {
                if (depth == 0) {
                    lastOpen = i;
                }
                depth++;
            } else if (c == ')' || c == ']' || c == '}') {
                depth--;
            }
        }
        return lastOpen > 0 && t.charAt(lastOpen) == '(' ? lastOpen : -1;
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
