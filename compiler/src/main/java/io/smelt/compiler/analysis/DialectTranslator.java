package io.smelt.compiler.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import static io.smelt.compiler.analysis.SqlDialect.DUCKDB;
import static io.smelt.compiler.analysis.SqlDialect.SPARK;
import static io.smelt.compiler.analysis.SqlDialect.TRINO;

/**
 * Translates a compiled model from the dialect it is written in to the engine's by editing its text in
 * place: only the constructs that differ are rewritten; comments, layout and line numbers stay. Text
 * that Jinja rendered from macros (relation names, {@code dbt.dateadd(...)}) is already the engine's
 * SQL: a construct is rewritten only when its text is in the model's own file. What cannot be
 * translated faithfully is refused ({@link Untranslatable}), never passed on to run differently.
 * See docs/sql-analysis.md, "Dialect translation".
 */
public final class DialectTranslator {
    private static final Set<String> STRING_TYPES = Set.of("string", "varchar", "text");

    private final TokenTree tree;
    private final SqlDialect from;
    private final SqlDialect to;
    private final ModelText model;
    private final SqlEdits edits = new SqlEdits();

    private DialectTranslator(String sql, SqlDialect from, SqlDialect to, String modelSource) {
        this.tree = new TokenTree(sql, from);
        this.from = from;
        this.to = to;
        this.model = new ModelText(modelSource);
    }

    /**
     * The SQL of a model written in {@code from}, for an engine reading {@code to}; the same text when
     * they are one dialect.
     *
     * @param modelSource the model's file as written (its Jinja), or null to treat all of the SQL as the model's own
     */
    public static String translate(String sql, SqlDialect from, SqlDialect to, String modelSource) throws Untranslatable {
        if (from == to) {
            return sql;
        }
        DialectTranslator translator = new DialectTranslator(sql, from, to, modelSource);
        translator.run();
        return translator.edits.isEmpty() ? sql : translator.edits.apply(sql);
    }

    private void run() throws Untranslatable {
        for (int i = 0; i < tree.size(); i++) {
            refuse(i);
            SqlTokens.Token t = tree.get(i);
            switch (t.kind()) {
                case QUOTED_IDENTIFIER -> identifier(t);
                case STRING -> string(i, t);
                case WORD -> word(i);
                default -> {
                }
            }
        }
    }

    private void refuse(int i) throws Untranslatable {
        for (TranslationRules.Refusal refusal : TranslationRules.REFUSALS) {
            if (!refusal.from().contains(from) || !refusal.to().contains(to) || !matches(i, refusal.tokens())) {
                continue;
            }
            String construct = String.join(" ", refusal.tokens()).replace(" (", "()");
            int[] at = TextPositions.lineColumn(tree.sql(), tree.get(i).start());
            throw new Untranslatable(construct, "cannot translate " + construct + " from " + from.configName() + " to "
                    + to.configName() + ": " + to.configName() + " " + refusal.why(), refusal.hint(), at[0], at[1]);
        }
    }

    private boolean matches(int i, List<String> tokens) {
        boolean fromModel = false;
        for (int k = 0; k < tokens.size(); k++) {
            SqlTokens.Token t = tree.get(i + k);
            if (t == null || t.kind() == SqlTokens.Kind.STRING || t.kind() == SqlTokens.Kind.QUOTED_IDENTIFIER
                    || !t.text().equalsIgnoreCase(tokens.get(k))) {
                return false;
            }
            fromModel |= model.has(t);
        }
        return fromModel;
    }

    private void identifier(SqlTokens.Token t) {
        char quote = t.text().charAt(0);
        if (quote != to.identifierQuote() && (quote == '`' || to == SPARK)) {
            char q = to.identifierQuote();
            edits.replace(t.start(), t.end(), q + t.name().replace(String.valueOf(q), String.valueOf(q) + q) + q);
        }
    }

    private void string(int i, SqlTokens.Token t) {
        if (from == SPARK) {
            boolean doubleQuoted = t.text().charAt(0) == '"';
            if (doubleQuoted && (isDot(tree.get(i - 1)) || isDot(tree.get(i + 1)) || !model.has(t))) {
                // a relation name or an identifier a macro quoted for the engine
                return;
            }
            String quote = t.text().substring(0, 1);
            if ((doubleQuoted || t.text().indexOf('\\') >= 0 || t.text().indexOf(quote + quote, 1) > 0) && model.has(t)) {
                edits.replace(t.start(), t.end(), SqlStrings.standard(SqlStrings.sparkValue(t.text())));
            }
        }
        else if (to == SPARK && (t.text().indexOf('\\') >= 0 || t.text().indexOf("''") > 0) && model.has(t)) {
            edits.replace(t.start(), t.end(), SqlStrings.spark(SqlStrings.standardValue(t.text())));
        }
    }

    private static boolean isDot(SqlTokens.Token t) {
        return t != null && t.isSymbol(".");
    }

    private void word(int i) {
        String word = tree.word(i);
        if (word.equals("interval") && to == TRINO && model.has(tree.get(i))) {
            IntervalRule.trino(tree, i, edits);
        }
        if (!tree.isCall(i) || !model.hasCall(word)) {
            return;
        }
        switch (word) {
            case "cast", "try_cast" -> cast(i);
            case "concat" -> concat(i);
            case "date_add", "date_sub" -> sparkDates(i, word);
            case "datediff" -> {
                if (from == SPARK) {
                    sparkDates(i, word);
                }
                else {
                    DateDiffRule.apply(tree, i, word, from, to, edits);
                }
            }
            case "date_diff", "timestampdiff" -> DateDiffRule.apply(tree, i, word, from, to, edits);
            default -> rename(i, word);
        }
    }

    private void rename(int i, String word) {
        for (TranslationRules.Rename rename : TranslationRules.RENAMES) {
            if (rename.name().equals(word) && rename.from().contains(from) && rename.to().contains(to)) {
                edits.replace(tree.get(i).start(), tree.get(i).end(), rename.target());
            }
        }
    }

    private void cast(int call) {
        int as = tree.castAs(call);
        SqlTokens.Token type = tree.get(as + 1);
        if (as < 0 || type == null || type.kind() != SqlTokens.Kind.WORD) {
            return;
        }
        boolean parameters = tree.get(as + 2) != null && tree.get(as + 2).isSymbol("(");
        String renamed = TranslationRules.typeName(type.text(), parameters, to);
        if (renamed != null && model.has(type)) {
            edits.replace(type.start(), type.end(), renamed);
        }
        if (to == TRINO && type.isWord("timestamp") && !(tree.get(as + 2) != null && tree.get(as + 2).isWord("with"))) {
            isoTimestampForTrino(call, as);
        }
    }

    /**
     * DuckDB and Spark read ISO 8601 text with a {@code T} between date and time as a timestamp; Trino's
     * cast wants a space (and its TRY_CAST silently gives NULL), so the {@code T} is made a space.
     */
    private void isoTimestampForTrino(int call, int as) {
        TokenTree.Span operand = tree.span(call + 2, as - 1);
        if (operand.first() > operand.last()) {
            return;
        }
        SqlTokens.Token only = operand.first() == operand.last() ? tree.get(operand.first()) : null;
        if (only != null && only.kind() == SqlTokens.Kind.STRING) {
            String fixed = only.text().replaceFirst("^'(\\d{4}-\\d{1,2}-\\d{1,2})T", "'$1 ");
            if (!fixed.equals(only.text())) {
                edits.replace(only.start(), only.end(), fixed);
            }
            return;
        }
        if (only != null && only.kind() == SqlTokens.Kind.NUMBER) {
            return;
        }
        int depth = tree.depth(operand.first());
        edits.open(operand.start(), depth, "regexp_replace(CAST(");
        edits.close(operand.end(), depth, " AS VARCHAR), '^(\\d{4}-\\d{1,2}-\\d{1,2})T', '$1 ')");
    }

    /**
     * DuckDB's concat skips NULLs, Spark's and Trino's return NULL; Spark's casts its arguments to
     * text, Trino's wants text. Written as {@code ||} of text, with {@code coalesce(…, '')} from DuckDB.
     */
    private void concat(int call) {
        boolean skipNulls = from == DUCKDB;
        if (from == TRINO && to == SPARK) {
            return;
        }
        List<TokenTree.Span> args = tree.arguments(call);
        if (args.isEmpty()) {
            return;
        }
        String text = to == SPARK ? "STRING" : "VARCHAR";
        edits.replace(tree.get(call).start(), tree.get(call + 1).end(), "(");
        for (int comma : tree.commas(call)) {
            edits.replace(tree.get(comma).start(), tree.get(comma).end(), " ||");
        }
        for (TokenTree.Span arg : args) {
            SqlTokens.Token only = arg.first() == arg.last() ? tree.get(arg.first()) : null;
            if (only != null && only.kind() == SqlTokens.Kind.STRING) {
                continue;
            }
            int depth = tree.depth(arg.first());
            boolean cast = !isTextCast(arg);
            edits.open(arg.start(), depth, (skipNulls ? "coalesce(" : "") + (cast ? "CAST(" : ""));
            edits.close(arg.end(), depth, (cast ? " AS " + text + ")" : "") + (skipNulls ? ", '')" : ""));
        }
    }

    private boolean isTextCast(TokenTree.Span arg) {
        String word = tree.word(arg.first());
        if (word == null || !(word.equals("cast") || word.equals("try_cast")) || !tree.isCall(arg.first())
                || tree.closing(arg.first()) != arg.last()) {
            return false;
        }
        String type = tree.word(tree.castAs(arg.first()) + 1);
        return type != null && STRING_TYPES.contains(type);
    }

    /** Spark's two-argument date_add, date_sub (days) and datediff(end, start) (days between the dates). */
    private void sparkDates(int call, String word) {
        List<Integer> commas = tree.commas(call);
        if (from != SPARK || to == SPARK || commas.size() != 1 || tree.arguments(call).size() != 2) {
            return;
        }
        SqlTokens.Token comma = tree.get(commas.get(0));
        SqlTokens.Token second = tree.get(commas.get(0) + 1);
        SqlTokens.Token close = tree.get(tree.closing(call));
        String open;
        String middle;
        String end;
        if (word.equals("datediff")) {
            // date_diff('day', start, end) is end - start: negated with the arguments in Spark's order
            open = "(-date_diff('day', CAST(";
            middle = " AS DATE), CAST(";
            end = " AS DATE)))";
        }
        else {
            String sign = word.equals("date_add") ? "+" : "-";
            open = "(CAST(";
            middle = to == DUCKDB ? " AS DATE) " + sign + " CAST(" : " AS DATE) " + sign + " (";
            end = to == DUCKDB ? " AS INTEGER))" : ") * INTERVAL '1' DAY)";
        }
        edits.replace(tree.get(call).start(), tree.get(call + 1).end(), open);
        edits.replace(comma.start(), second.start(), middle);
        edits.replace(close.start(), close.end(), end);
    }

    /** The model's file as written: whether a token of the compiled SQL comes from it rather than from a macro. */
    private static final class ModelText {
        private final String source;
        private final String lower;
        private final java.util.Map<String, Boolean> seen = new java.util.HashMap<>();

        ModelText(String source) {
            this.source = source;
            this.lower = source == null ? null : source.toLowerCase(Locale.ROOT);
        }

        boolean has(SqlTokens.Token t) {
            if (source == null) {
                return true;
            }
            if (t.kind() != SqlTokens.Kind.WORD) {
                return source.contains(t.text());
            }
            return find(t.text().toLowerCase(Locale.ROOT), "(?![A-Za-z0-9_])");
        }

        boolean hasCall(String word) {
            return source == null || find(word, "\\s*\\(");
        }

        private boolean find(String word, String after) {
            return seen.computeIfAbsent(word + after, k -> Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(word) + after)
                    .matcher(lower).find());
        }
    }
}
