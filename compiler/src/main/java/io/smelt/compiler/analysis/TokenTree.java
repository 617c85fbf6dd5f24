package io.smelt.compiler.analysis;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * The tokens of a SQL text with their parentheses matched: enough structure to find a function call,
 * its arguments and a cast's type, and to edit them in place.
 */
final class TokenTree {
    /** Tokens {@code [first, last]} (inclusive), and the text they span. */
    record Span(int first, int last, int start, int end) {
    }

    private final String sql;
    private final List<SqlTokens.Token> tokens;
    private final int[] match;
    private final int[] depth;

    TokenTree(String sql, SqlDialect dialect) {
        this.sql = sql;
        this.tokens = SqlTokens.of(sql, dialect);
        this.match = new int[tokens.size()];
        this.depth = new int[tokens.size()];
        Deque<Integer> open = new ArrayDeque<>();
        for (int i = 0; i < tokens.size(); i++) {
            match[i] = -1;
            depth[i] = open.size();
            if (tokens.get(i).isSymbol("(")) {
                open.push(i);
            }
            else if (tokens.get(i).isSymbol(")") && !open.isEmpty()) {
                int o = open.pop();
                match[o] = i;
                match[i] = o;
                depth[i] = open.size();
            }
        }
    }

    String sql() {
        return sql;
    }

    int size() {
        return tokens.size();
    }

    SqlTokens.Token get(int i) {
        return i >= 0 && i < tokens.size() ? tokens.get(i) : null;
    }

    int depth(int i) {
        return depth[i];
    }

    /** The lower-case word at {@code i}, or null when it is no word. */
    String word(int i) {
        SqlTokens.Token t = get(i);
        return t != null && t.kind() == SqlTokens.Kind.WORD ? t.text().toLowerCase(Locale.ROOT) : null;
    }

    /** Whether {@code i} is a word followed by an open parenthesis that closes: a call. */
    boolean isCall(int i) {
        SqlTokens.Token next = get(i + 1);
        return word(i) != null && next != null && next.isSymbol("(") && match[i + 1] > 0
                && !(get(i - 1) != null && get(i - 1).isSymbol("."));
    }

    /** The index of the parenthesis closing the call at {@code i}. */
    int closing(int call) {
        return match[call + 1];
    }

    /** The top-level arguments of the call at {@code call}; none for {@code f()}. */
    List<Span> arguments(int call) {
        int open = call + 1;
        int close = match[open];
        List<Span> args = new ArrayList<>();
        int first = open + 1;
        for (int i = open + 1; i <= close; i++) {
            SqlTokens.Token t = tokens.get(i);
            if (i == close || (t.isSymbol(",") && depth[i] == depth[open] + 1)) {
                if (i > first) {
                    args.add(span(first, i - 1));
                }
                first = i + 1;
            }
            else if (t.isSymbol("(") && match[i] > 0) {
                i = match[i] - 1;
            }
        }
        return args;
    }

    /** The commas between the call's top-level arguments. */
    List<Integer> commas(int call) {
        List<Integer> commas = new ArrayList<>();
        int open = call + 1;
        for (int i = open + 1; i < match[open]; i++) {
            if (tokens.get(i).isSymbol(",")) {
                commas.add(i);
            }
            else if (tokens.get(i).isSymbol("(") && match[i] > 0) {
                i = match[i];
            }
        }
        return commas;
    }

    /** In the call {@code CAST(x AS type)} at {@code call}: the index of its top-level {@code AS}, or -1. */
    int castAs(int call) {
        int open = call + 1;
        int as = -1;
        for (int i = open + 1; i < match[open]; i++) {
            if (tokens.get(i).isWord("as")) {
                as = i;
            }
            else if (tokens.get(i).isSymbol("(") && match[i] > 0) {
                i = match[i];
            }
        }
        return as;
    }

    Span span(int first, int last) {
        return new Span(first, last, tokens.get(first).start(), tokens.get(last).end());
    }

    String text(Span span) {
        return sql.substring(span.start(), span.end());
    }
}
