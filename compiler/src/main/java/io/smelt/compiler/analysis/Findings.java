package io.smelt.compiler.analysis;

import io.smelt.compiler.graph.NameSuggestions;
import org.apache.calcite.runtime.CalciteContextException;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns what Calcite's validator refused into a finding only when the engine is certain to refuse it
 * too; everything else is "not analysed". Kept out on purpose: a name that may be a lateral column
 * alias (DuckDB and Spark resolve {@code select a + 1 as b, b * 2}), {@code x.y} where {@code x} may
 * be a struct column, a relation the project does not define (it may exist in the warehouse), and
 * set operations whose branches differ only in type (engines coerce where Calcite will not).
 */
final class Findings {
    private static final Pattern COLUMN = Pattern.compile("Column '([^']+)' not found in (?:any table|table '([^']+)')(?:; did you mean '([^']+)'\\?)?");
    private static final Pattern TABLE = Pattern.compile("Table '([^']+)' not found(?:; did you mean '([^']+)'\\?)?");
    private static final Pattern OBJECT = Pattern.compile("Object '([^']+)' not found(?: within '([^']+)')?");
    private static final Pattern AMBIGUOUS = Pattern.compile("Column '([^']+)' is ambiguous");
    private static final Pattern COUNT = Pattern.compile("Column count mismatch in (\\w+)");

    private Findings() {
    }

    static Analysis classify(CalciteContextException e, SqlParsing.Parsed parsed, SqlDialect dialect, List<InputTable> inputs) {
        String message = e.getCause() == null ? e.getMessage() : e.getCause().getMessage();
        message = firstLine(message);
        int[] at = e.getPosLine() > 0 ? parsed.originalPosition(e.getPosLine(), e.getPosColumn()) : new int[] {1, 1};
        Matcher m;
        if ((m = COLUMN.matcher(message)).find()) {
            String name = m.group(1);
            Set<String> aliases = aliases(parsed.original(), dialect);
            if (dialect != SqlDialect.TRINO && aliases.contains(name.toLowerCase(Locale.ROOT))) {
                return Analysis.notAnalysed("column " + name + " may be a lateral column alias");
            }
            String hint = suggestion(name, m.group(3), candidates(inputs, aliases));
            String scope = m.group(2) == null ? "in anything this query reads here" : "in " + m.group(2);
            return Analysis.finding(new Finding(Finding.Kind.UNKNOWN_COLUMN, "column '" + name + "' not found " + scope,
                    at[0], at[1], name, hint));
        }
        if ((m = TABLE.matcher(message)).find()) {
            String name = m.group(1);
            if (isColumnName(name, inputs)) {
                return Analysis.notAnalysed(name + " may be a struct column");
            }
            return Analysis.finding(new Finding(Finding.Kind.UNKNOWN_COLUMN, "no table or alias '" + name + "' here",
                    at[0], at[1], name, m.group(2) == null ? null : "did you mean '" + m.group(2) + "'?"));
        }
        if ((m = OBJECT.matcher(message)).find()) {
            return Analysis.notAnalysed("reads " + (m.group(2) == null ? "" : m.group(2) + ".") + m.group(1)
                    + ", which is not a ref or source of the project");
        }
        if ((m = AMBIGUOUS.matcher(message)).find()) {
            return Analysis.finding(new Finding(Finding.Kind.AMBIGUOUS_COLUMN, "column '" + m.group(1)
                    + "' is ambiguous: more than one relation here has it", at[0], at[1], m.group(1),
                    "qualify it with the table or alias it should come from"));
        }
        if ((m = COUNT.matcher(message)).find()) {
            return Analysis.finding(new Finding(Finding.Kind.SET_OPERATION_MISMATCH, "the branches of this "
                    + m.group(1) + " select different numbers of columns", at[0], at[1], null,
                    "every branch must select the same number of columns, in the same order"));
        }
        return Analysis.notAnalysed("cannot be typed: " + message);
    }

    static String firstLine(String message) {
        if (message == null) {
            return "(no message)";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    /** Names given with {@code AS} anywhere in the query. */
    private static Set<String> aliases(String sql, SqlDialect dialect) {
        Set<String> names = new LinkedHashSet<>();
        List<SqlTokens.Token> tokens = SqlTokens.of(sql, dialect);
        for (int i = 0; i + 1 < tokens.size(); i++) {
            SqlTokens.Token next = tokens.get(i + 1);
            if (tokens.get(i).isWord("as") && (next.kind() == SqlTokens.Kind.WORD || next.kind() == SqlTokens.Kind.QUOTED_IDENTIFIER)) {
                names.add(next.name().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    private static boolean isColumnName(String name, List<InputTable> inputs) {
        return inputs.stream().flatMap(t -> t.columns().stream()).anyMatch(c -> c.name().equalsIgnoreCase(name));
    }

    private static List<String> candidates(List<InputTable> inputs, Set<String> aliases) {
        List<String> names = new ArrayList<>();
        inputs.forEach(t -> t.columns().forEach(c -> names.add(c.name())));
        names.addAll(aliases);
        return names;
    }

    private static String suggestion(String name, String calcite, List<String> candidates) {
        if (calcite != null && !calcite.equalsIgnoreCase(name)) {
            return "did you mean '" + calcite + "'?";
        }
        java.util.Map<String, String> byLower = new java.util.LinkedHashMap<>();
        candidates.forEach(c -> byLower.putIfAbsent(c.toLowerCase(Locale.ROOT), c));
        List<String> closest = NameSuggestions.closest(name.toLowerCase(Locale.ROOT), byLower.keySet(), 1);
        return closest.isEmpty() ? null : "did you mean '" + byLower.get(closest.get(0)) + "'?";
    }
}
