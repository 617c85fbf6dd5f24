package io.smelt.compiler.analysis;

import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses one query in a dialect: Calcite's core parser first (about four times quicker), Babel when
 * core refuses. Before parsing, bare {@code date}, {@code timestamp} and {@code time} used as names
 * are quoted (both parsers reserve them; every engine takes them as column names), and positions in
 * what was parsed map back to the text given.
 */
public final class SqlParsing {
    private static final Set<String> RESERVED_NAMES = Set.of("date", "timestamp", "time");
    private static final Set<String> CASTS = Set.of("cast", "try_cast", "safe_cast");

    private SqlParsing() {
    }

    /** A parsed query and the text that was parsed, with the way back to the text given. */
    public record Parsed(SqlNode node, String text, String original, List<int[]> insertions, boolean babel) {
        /** The 1-based line and column in the original text of a 1-based line and column in {@link #text}. */
        public int[] originalPosition(int line, int column) {
            int offset = TextPositions.offset(text, line, column);
            int shift = 0;
            for (int[] insertion : insertions) {
                // insertion[0]: offset in the parsed text where insertion[1] characters were added
                if (insertion[0] < offset) {
                    shift += Math.min(insertion[1], offset - insertion[0]);
                }
            }
            return TextPositions.lineColumn(original, offset - shift);
        }
    }

    /** Why the text did not parse, at a 1-based line and column of the text given. */
    public static final class Failure extends Exception {
        private final int line;
        private final int column;

        Failure(String message, int line, int column) {
            super(message);
            this.line = line;
            this.column = column;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }
    }

    public static Parsed parse(String sql, SqlDialect dialect) throws Failure {
        List<int[]> insertions = new ArrayList<>();
        String text = quoteReservedNames(sameLengthRewrites(stripTrailingSemicolons(sql), dialect), dialect, insertions);
        try {
            return new Parsed(SqlParser.create(text, dialect.parserConfig(false)).parseQuery(), text, sql, insertions, false);
        }
        catch (SqlParseException | RuntimeException core) {
            try {
                return new Parsed(SqlParser.create(text, dialect.parserConfig(true)).parseQuery(), text, sql, insertions, true);
            }
            catch (SqlParseException e) {
                Parsed at = new Parsed(null, text, sql, insertions, true);
                int[] pos = e.getPos() == null || e.getPos().getLineNum() <= 0 ? new int[] {1, 1}
                        : at.originalPosition(e.getPos().getLineNum(), e.getPos().getColumnNum());
                throw new Failure(firstLine(e.getMessage()), pos[0], pos[1]);
            }
            catch (RuntimeException e) {
                throw new Failure(String.valueOf(e.getMessage()), 1, 1);
            }
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "cannot parse";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    static String stripTrailingSemicolons(String sql) {
        String s = sql.stripTrailing();
        while (s.endsWith(";")) {
            s = s.substring(0, s.length() - 1).stripTrailing();
        }
        return s;
    }

    private static final java.util.regex.Pattern INTERVAL_TEXT = java.util.regex.Pattern.compile(
            "'\\s*(-?\\d+)\\s+(second|minute|hour|day|week|month|year)s?\\s*'", java.util.regex.Pattern.CASE_INSENSITIVE);

    /**
     * Rewrites, without moving any position, what DuckDB and Postgres write and Calcite reads otherwise:
     * {@code interval '2 days'} becomes {@code interval '2' DAY } and {@code extract('year' from x)}
     * becomes {@code extract( year  from x)}.
     */
    static String sameLengthRewrites(String sql, SqlDialect dialect) {
        List<SqlTokens.Token> tokens = SqlTokens.of(sql, dialect);
        StringBuilder out = null;
        for (int i = 1; i < tokens.size(); i++) {
            SqlTokens.Token t = tokens.get(i);
            if (t.kind() != SqlTokens.Kind.STRING) {
                continue;
            }
            SqlTokens.Token prev = tokens.get(i - 1);
            String replacement = null;
            java.util.regex.Matcher m;
            if (prev.isWord("interval") && (m = INTERVAL_TEXT.matcher(t.text())).matches()) {
                String r = "'" + m.group(1) + "' " + m.group(2).toUpperCase(java.util.Locale.ROOT);
                replacement = r.length() <= t.text().length() ? r + " ".repeat(t.text().length() - r.length()) : null;
            }
            else if (prev.isSymbol("(") && i >= 2 && tokens.get(i - 2).isWord("extract") && i + 1 < tokens.size()
                    && tokens.get(i + 1).isWord("from") && t.text().matches("'[A-Za-z_]+'")) {
                replacement = " " + t.text().substring(1, t.text().length() - 1) + " ";
            }
            if (replacement != null) {
                if (out == null) {
                    out = new StringBuilder(sql);
                }
                out.replace(t.start(), t.end(), replacement);
            }
        }
        return out == null ? sql : out.toString();
    }

    /**
     * Quotes bare {@code date}, {@code timestamp}, {@code time} where they are names: not a type in a
     * cast or after {@code ::}, not a typed literal ({@code DATE '2024-01-01'}), not a function call,
     * not part of {@code WITH TIME ZONE} or {@code AT TIME ZONE}. Records each insertion.
     */
    static String quoteReservedNames(String sql, SqlDialect dialect, List<int[]> insertions) {
        List<SqlTokens.Token> tokens = SqlTokens.of(sql, dialect);
        // for each token, whether the innermost open parenthesis belongs to a cast
        List<Boolean> castParens = new ArrayList<>();
        StringBuilder out = new StringBuilder(sql.length() + 16);
        int copied = 0;
        int added = 0;
        for (int i = 0; i < tokens.size(); i++) {
            SqlTokens.Token t = tokens.get(i);
            if (t.isSymbol("(")) {
                castParens.add(i > 0 && tokens.get(i - 1).kind() == SqlTokens.Kind.WORD
                        && CASTS.contains(tokens.get(i - 1).text().toLowerCase(java.util.Locale.ROOT)));
                continue;
            }
            if (t.isSymbol(")")) {
                if (!castParens.isEmpty()) {
                    castParens.remove(castParens.size() - 1);
                }
                continue;
            }
            if (t.kind() != SqlTokens.Kind.WORD || !RESERVED_NAMES.contains(t.text().toLowerCase(java.util.Locale.ROOT))) {
                continue;
            }
            SqlTokens.Token prev = i > 0 ? tokens.get(i - 1) : null;
            SqlTokens.Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
            boolean inCast = !castParens.isEmpty() && castParens.get(castParens.size() - 1);
            boolean keyword = (next != null && (next.kind() == SqlTokens.Kind.STRING || next.isSymbol("(")
                            || next.isWord("with") || next.isWord("without") || next.isWord("zone")))
                    || (prev != null && (prev.isSymbol("::") || prev.isWord("with") || prev.isWord("without")
                            || prev.isWord("at") || prev.isWord("local") || (inCast && prev.isWord("as"))));
            if (keyword) {
                continue;
            }
            char q = dialect.identifierQuote();
            out.append(sql, copied, t.start()).append(q).append(t.text()).append(q);
            insertions.add(new int[] {t.start() + added, 1});
            insertions.add(new int[] {t.end() + added + 1, 1});
            added += 2;
            copied = t.end();
        }
        if (copied == 0) {
            return sql;
        }
        return out.append(sql, copied, sql.length()).toString();
    }
}
