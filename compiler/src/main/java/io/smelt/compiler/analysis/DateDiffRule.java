package io.smelt.compiler.analysis;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import static io.smelt.compiler.analysis.SqlDialect.DUCKDB;
import static io.smelt.compiler.analysis.SqlDialect.SPARK;

/**
 * The difference of two dates or timestamps in a unit. DuckDB's {@code date_diff('month', a, b)}
 * counts the month boundaries crossed; Trino's {@code date_diff} and Spark's {@code timestampdiff}
 * count whole months (DuckDB's {@code date_sub} does too). Boundaries become whole units of the
 * values truncated to the unit; whole units keep their meaning under the target's name.
 */
final class DateDiffRule {
    private static final Set<String> UNITS = Set.of("second", "minute", "hour", "day", "week", "month", "quarter", "year");

    private DateDiffRule() {
    }

    static void apply(TokenTree tree, int call, String word, SqlDialect from, SqlDialect to, SqlEdits edits) {
        List<TokenTree.Span> args = tree.arguments(call);
        if (args.size() != 3 || args.get(0).first() != args.get(0).last()) {
            return;
        }
        SqlTokens.Token unitToken = tree.get(args.get(0).first());
        boolean sparkForm = word.equals("timestampdiff");
        if (sparkForm != (from == SPARK) || (sparkForm ? unitToken.kind() != SqlTokens.Kind.WORD : unitToken.kind() != SqlTokens.Kind.STRING)) {
            return;
        }
        String unit = (sparkForm ? unitToken.text() : unitToken.text().substring(1, unitToken.text().length() - 1)).toLowerCase(Locale.ROOT);
        if (!UNITS.contains(unit)) {
            return;
        }
        SqlTokens.Token name = tree.get(call);
        if (to == SPARK) {
            edits.replace(name.start(), name.end(), "timestampdiff");
            edits.replace(unitToken.start(), unitToken.end(), unit.toUpperCase(Locale.ROOT));
        }
        else if (from == SPARK) {
            edits.replace(name.start(), name.end(), to == DUCKDB ? "date_sub" : "date_diff");
            edits.replace(unitToken.start(), unitToken.end(), "'" + unit + "'");
        }
        else {
            edits.replace(name.start(), name.end(), to == DUCKDB ? "date_sub" : "date_diff");
        }
        if (from == DUCKDB) {
            String cast = to == SPARK ? "CAST(" : "";
            for (TokenTree.Span arg : args.subList(1, 3)) {
                int depth = tree.depth(arg.first());
                edits.open(arg.start(), depth, "date_trunc('" + unit + "', " + cast);
                edits.close(arg.end(), depth, (to == SPARK ? " AS TIMESTAMP)" : "") + ")");
            }
        }
    }
}
