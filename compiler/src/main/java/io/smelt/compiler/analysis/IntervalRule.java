package io.smelt.compiler.analysis;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Interval literals for Trino, which takes only {@code INTERVAL '3' DAY}: DuckDB's and Spark's
 * {@code INTERVAL 3 DAY}, {@code INTERVAL 3 DAYS} and {@code INTERVAL '3 days'} are rewritten to it
 * (weeks as seven days: Trino has no week interval).
 */
final class IntervalRule {
    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("second", "SECOND"), Map.entry("minute", "MINUTE"), Map.entry("hour", "HOUR"),
            Map.entry("day", "DAY"), Map.entry("week", "WEEK"), Map.entry("month", "MONTH"), Map.entry("year", "YEAR"));
    private static final Pattern TEXT = Pattern.compile("'\\s*(-?\\d+)\\s+([a-zA-Z]+?)s?\\s*'");

    private IntervalRule() {
    }

    static void trino(TokenTree tree, int interval, SqlEdits edits) {
        int i = interval + 1;
        SqlTokens.Token first = tree.get(i);
        if (first == null) {
            return;
        }
        if (first.kind() == SqlTokens.Kind.STRING) {
            Matcher m = TEXT.matcher(first.text());
            String unit = m.matches() ? unit(m.group(2)) : null;
            if (unit != null && unit(tree.word(i + 1)) == null) {
                edits.replace(first.start(), first.end(), literal(m.group(1), unit));
            }
            return;
        }
        boolean negative = first.isSymbol("-");
        SqlTokens.Token number = negative ? tree.get(i + 1) : first;
        SqlTokens.Token unitWord = tree.get(negative ? i + 2 : i + 1);
        if (number == null || number.kind() != SqlTokens.Kind.NUMBER || !number.text().matches("\\d+")
                || unitWord == null || unitWord.kind() != SqlTokens.Kind.WORD || unit(unitWord.text()) == null) {
            return;
        }
        String n = (negative ? "-" : "") + number.text();
        edits.replace(first.start(), unitWord.end(), literal(n, unit(unitWord.text())));
    }

    private static String literal(String n, String unit) {
        if (unit.equals("WEEK")) {
            return "'" + Math.multiplyExact(Long.parseLong(n), 7) + "' DAY";
        }
        return "'" + n + "' " + unit;
    }

    private static String unit(String word) {
        if (word == null) {
            return null;
        }
        String lower = word.toLowerCase(Locale.ROOT);
        String singular = lower.endsWith("s") ? lower.substring(0, lower.length() - 1) : lower;
        return UNITS.get(singular);
    }
}
