package io.smelt.compiler.analysis;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static io.smelt.compiler.analysis.SqlDialect.DUCKDB;
import static io.smelt.compiler.analysis.SqlDialect.SPARK;
import static io.smelt.compiler.analysis.SqlDialect.TRINO;

/**
 * What differs between the dialects, as data: type names in casts, functions that only change their
 * name, and constructs with no faithful translation. The rules that rewrite more than a name are in
 * {@link DialectTranslator}.
 */
final class TranslationRules {
    private TranslationRules() {
    }

    /** Type names (lower case, without parameters) that the target spells otherwise. */
    private static final Map<SqlDialect, Map<String, String>> TYPES = Map.of(
            DUCKDB, Map.of("string", "VARCHAR"),
            TRINO, Map.of("string", "VARCHAR", "text", "VARCHAR"),
            // Spark refuses VARCHAR without a length
            SPARK, Map.of("varchar", "STRING", "text", "STRING"));

    /** A function that is another's name on the target, with the same arguments and result. */
    record Rename(Set<SqlDialect> from, Set<SqlDialect> to, String name, String target) {
    }

    static final List<Rename> RENAMES = List.of(
            new Rename(Set.of(SPARK), Set.of(DUCKDB, TRINO), "nvl", "coalesce"),
            new Rename(Set.of(SPARK, DUCKDB), Set.of(TRINO), "approx_count_distinct", "approx_distinct"),
            new Rename(Set.of(TRINO), Set.of(SPARK, DUCKDB), "approx_distinct", "approx_count_distinct"));

    /**
     * A construct with no faithful translation: a sequence of tokens (words compared without case,
     * {@code (} marks a call), why it is refused and what to write instead.
     */
    record Refusal(Set<SqlDialect> from, Set<SqlDialect> to, List<String> tokens, String why, String hint) {
    }

    static final List<Refusal> REFUSALS = List.of(
            new Refusal(Set.of(DUCKDB), Set.of(TRINO, SPARK), List.of("::"), "has no `::` cast",
                    "write CAST(x AS type)"),
            new Refusal(Set.of(DUCKDB), Set.of(TRINO, SPARK), List.of("qualify"), "has no QUALIFY",
                    "filter the window function's result in an outer query"),
            new Refusal(Set.of(DUCKDB), Set.of(TRINO, SPARK), List.of("*", "exclude"), "has no SELECT * EXCLUDE",
                    "list the columns"),
            new Refusal(Set.of(DUCKDB, SPARK), Set.of(TRINO), List.of("group", "by", "all"), "has no GROUP BY ALL",
                    "list the grouped columns or their positions"),
            new Refusal(Set.of(DUCKDB, SPARK), Set.of(TRINO), List.of("ilike"), "has no ILIKE",
                    "write lower(x) LIKE lower(pattern)"),
            new Refusal(Set.of(SPARK), Set.of(DUCKDB, TRINO), List.of("rlike"), "has no RLIKE",
                    "write regexp_matches(x, pattern) on duckdb, regexp_like(x, pattern) on trino"),
            new Refusal(Set.of(SPARK), Set.of(DUCKDB, TRINO), List.of("lateral", "view"), "has no LATERAL VIEW",
                    "write CROSS JOIN UNNEST(...)"),
            new Refusal(Set.of(SPARK), Set.of(DUCKDB, TRINO), List.of("explode", "("), "has no explode()",
                    "write CROSS JOIN UNNEST(...)"),
            new Refusal(Set.of(SPARK), Set.of(DUCKDB, TRINO), List.of("collect_list", "("),
                    "keeps NULLs in array_agg where Spark's collect_list drops them", "write array_agg(x) FILTER (WHERE x IS NOT NULL)"),
            new Refusal(Set.of(DUCKDB), Set.of(TRINO, SPARK), List.of("strftime", "("),
                    "writes dates with other format patterns", "use the engine's date_format or dbt's macros"),
            new Refusal(Set.of(TRINO), Set.of(DUCKDB, SPARK), List.of("date_add", "("),
                    "returns a timestamp where Trino's date_add('day', n, date) returns a date", "use {{ dbt.dateadd(...) }}"));

    /** The target's name for a cast's type, or null when it needs no change. */
    static String typeName(String type, boolean parameters, SqlDialect to) {
        String lower = type.toLowerCase(java.util.Locale.ROOT);
        if (to == SPARK && parameters) {
            return null;
        }
        return TYPES.get(to).get(lower);
    }
}
