package io.smelt.adapter.testing;

import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The real packages teams install (dbt_utils, dbt_date, dbt_expectations, audit_helper), unmodified,
 * on a real engine, through the real_packages fixture. Opt-in: the packages are not in this repository,
 * so the test runs only when {@value #PACKAGES_ENV} (or the system property {@value #PACKAGES_PROPERTY})
 * names a folder laid out as {@code dbt deps} leaves {@code dbt_packages/}; bench/real-packages.sh
 * clones the pinned releases and sets it. Each check is recorded as {@code engine package check ok|gap|FAIL}
 * (appended to the file {@value #REPORT_ENV} names, when set) and every failed check is reported at once.
 */
public abstract class BaseRealPackagesContractTest extends BaseProjectTest {
    static final String PACKAGES_ENV = "SMELT_REAL_PACKAGES_DIR";
    static final String PACKAGES_PROPERTY = "smelt.realPackagesDir";
    static final String REPORT_ENV = "SMELT_REAL_PACKAGES_REPORT";
    private static final List<String> PACKAGES = List.of("dbt_utils", "dbt_date", "dbt_expectations", "audit_helper");

    /** Failures of each fixture test: {@code *_ok_*} pass, {@code *_bad_*} fail on orders_bad with these counts. */
    private static final Map<String, Integer> BAD = expectedFailures();

    private static Map<String, Integer> expectedFailures() {
        Map<String, Integer> bad = new LinkedHashMap<>();
        bad.put("utils_expression_is_true", 1);       // amount -5
        bad.put("utils_unique_combination", 1);       // (1, 10) twice
        bad.put("utils_recency", 1);                  // created in 2024
        bad.put("utils_equality", 4);                 // (1,-5), (5,500) only here; (2,20), (4,40) only in orders_copy
        bad.put("utils_equal_rowcount", 3);           // 4 rows against date_helpers' 1
        bad.put("utils_equal_rowcount_by_status", 1); // 3 placed against 2; groups on one side only are not counted
        bad.put("utils_fewer_rows_than", 1);          // 4 rows, as many as orders_copy
        bad.put("utils_not_null_proportion", 1);      // 3 of 4 customer ids, 0.9 wanted
        bad.put("utils_accepted_range", 2);           // -5 and 500
        bad.put("exp_row_count_to_equal", 1);         // 4 rows, 3 expected
        bad.put("exp_recent_data", 1);                // created in 2024
        bad.put("exp_compound_unique", 1);            // the group (1, 10)
        bad.put("exp_columns_ordered", 4);            // customer_id and status swapped: 2 positions on each side
        bad.put("exp_row_count_between", 1);          // 4 rows, at least 5 expected
        bad.put("exp_unique", 1);                     // the id 1
        bad.put("exp_not_null", 1);                   // customer id of order 5
        bad.put("exp_in_set", 1);                     // 'lost'
        bad.put("exp_distinct_count", 1);             // 2 statuses, 3 expected
        bad.put("exp_between", 2);                    // -5 and 500
        bad.put("exp_mean_between", 1);               // mean 133.75
        bad.put("exp_max_between", 1);                // 500
        bad.put("exp_of_type", 1);                    // order_date is no timestamp
        bad.put("exp_match_regex", 1);                // 'not-an-email' (null is not checked)
        bad.put("exp_in_type_list", 1);               // email is no integer
        return bad;
    }

    /**
     * Checks an engine cannot pass because it lacks what the package's SQL needs, by engine and
     * model, with a fragment of the engine's error: such a check passes as {@code gap} only while
     * the model fails that way, so a gap that closes shows.
     */
    private static final Map<String, String> KNOWN_GAPS = Map.of(
            // audit_helper groups by a select alias, which Trino cannot resolve
            "trino audit_compare_column_values", "Column 'column_name' cannot be resolved",
            // audit_helper unions parenthesized queries that start with WITH, which Trino's grammar refuses
            "trino audit_compare_all_columns", "mismatched input 'with'");

    private final List<String> outcomes = new ArrayList<>();

    @Test
    public void realPackagesRunUnmodified() {
        Path installed = installedPackages();
        Path project = project("real_packages");
        linkPackages(installed, project.resolve("dbt_packages"));
        try (Workspace workspace = load(project)) {
            String engine = workspace.adapterType();
            RunSummary models = run(workspace, Command.RUN);
            RunSummary tests = run(workspace, Command.TEST);

            for (Map.Entry<String, Integer> entry : BAD.entrySet()) {
                String test = entry.getKey();
                String pkg = test.startsWith("utils_") ? "dbt_utils" : "dbt_expectations";
                String name = test.substring(test.indexOf('_') + 1);
                String prefix = test.substring(0, test.indexOf('_'));
                check(engine, pkg, "test " + name, () -> {
                    assertThat(outcome(tests, prefix + "_ok_" + name)).isEqualTo(NodeStatus.PASS + " 0");
                    assertThat(outcome(tests, prefix + "_bad_" + name)).isEqualTo(NodeStatus.FAIL + " " + entry.getValue());
                });
            }
            dbtGlobalMacros(workspace, engine, models);
            dbtUtilsMacros(workspace, engine, models);
            dbtDateMacros(workspace, engine, models);
            auditHelperMacros(workspace, engine, models);
        }
        List<String> failed = outcomes.stream().filter(o -> !o.endsWith(" ok") && !o.endsWith(" gap")).toList();
        assertThat(failed).as("failed checks of %d", outcomes.size()).isEmpty();
    }

    /** dbt's global macros that the packages dispatch to, each with the engine's override or the default. */
    private void dbtGlobalMacros(Workspace workspace, String engine, RunSummary models) {
        String crossDb = "dbt_cross_db";
        check(engine, "dbt", "split_part, safe_cast, concat, position, right, length, replace, hash, string_literal", models, crossDb, () ->
                assertThat(rows(workspace, "select split_second, safe_int, safe_bad_int, concatenated, position_c, right_two, "
                        + "length_four, replaced, hashed, quoted from " + relation(workspace, crossDb)))
                        .containsExactly("b|12||x-y|3|ef|4|a+b|" + md5("abc") + "|it's"));
        check(engine, "dbt", "dateadd, datediff, date_trunc, last_day", models, crossDb, () ->
                assertThat(rows(workspace, "select cast(month_later as date), cast(day_before as date), days_between, months_between, "
                        + "cast(month_start as date), cast(month_end as date) from " + relation(workspace, crossDb)))
                        .containsExactly("2024-02-29|2024-02-29|60|1|2024-01-01|2024-02-29"));
        check(engine, "dbt", "type_* and cast_bool_to_text, current_timestamp", models, crossDb, () ->
                assertThat(rows(workspace, "select lower(bool_text), numeric_value, string_value, bigint_value, float_value, "
                        + "timestamp_value, has_current_timestamp from " + relation(workspace, crossDb)))
                        .containsExactly("true|1.5|s|2|0.5|2024-01-01 10:00:00|true"));
        check(engine, "dbt", "listagg, bool_or, any_value", models, "dbt_cross_db_aggregates", () ->
                assertThat(rows(workspace, "select statuses, any_over_15, customer from " + relation(workspace, "dbt_cross_db_aggregates")))
                        .containsExactly("placed,shipped|true|10"));
    }

    private void dbtUtilsMacros(Workspace workspace, String engine, RunSummary models) {
        check(engine, "dbt_utils", "generate_surrogate_key", models, "utils_surrogate_keys", () ->
                assertThat(rows(workspace, "select id, order_key from " + relation(workspace, "utils_surrogate_keys") + " order by id, order_key"))
                        .containsExactly("1|" + md5("1-10"), "1|" + md5("1-10"), "3|" + md5("3-20"),
                                "5|" + md5("5-_dbt_utils_surrogate_key_null_")));
        check(engine, "dbt_utils", "star", models, "utils_star", () ->
                assertThat(rows(workspace, "select * from " + relation(workspace, "utils_star") + " order by 1"))
                        .containsExactly("1|10|placed|10|2024-01-01", "2|10|shipped|20|2024-01-02", "3|20|placed|30|2024-01-03",
                                "4|30|returned|40|2024-01-04"));
        check(engine, "dbt_utils", "date_spine", models, "utils_date_spine", () ->
                assertThat(rows(workspace, "select cast(date_day as date) from " + relation(workspace, "utils_date_spine") + " order by 1"))
                        .containsExactly("2024-02-27", "2024-02-28", "2024-02-29", "2024-03-01"));
        check(engine, "dbt_utils", "pivot + get_column_values", models, "utils_pivot", () ->
                assertThat(rows(workspace, "select customer_id, amount_placed, amount_returned, amount_shipped from "
                        + relation(workspace, "utils_pivot") + " order by 1")).containsExactly("10|10|0|20", "20|30|0|0", "30|0|40|0"));
        check(engine, "dbt_utils", "union_relations", models, "utils_union", () -> {
            String unioned = relation(workspace, "utils_union");
            assertThat(rows(workspace, "select id, status, order_key is null from " + unioned
                    + " where _dbt_source_relation like '%orders%' order by id")).containsExactly(
                    "1|placed|true", "2|shipped|true", "3|placed|true", "4|returned|true");
            assertThat(rows(workspace, "select id, status, order_key from " + unioned
                    + " where _dbt_source_relation like '%utils_surrogate_keys%' order by id"))
                    .containsExactly("1||" + md5("1-10"), "1||" + md5("1-10"), "3||" + md5("3-20"),
                            "5||" + md5("5-_dbt_utils_surrogate_key_null_"));
        });
        // get_relations_by_pattern through the engines' get_tables_by_pattern_sql (dbt_utils' default uses ilike and
        // <database>.information_schema, which not every engine has): orders_copy and orders_changed, unioned
        check(engine, "dbt_utils", "get_relations_by_pattern", models, "utils_by_pattern", () ->
                assertThat(rows(workspace, "select lower(_dbt_source_relation), count(*) from " + relation(workspace, "utils_by_pattern")
                        + " group by 1 order by 1")).hasSize(2)
                        .anySatisfy(row -> assertThat(row).contains("orders_changed").endsWith("|4"))
                        .anySatisfy(row -> assertThat(row).contains("orders_copy").endsWith("|4")));
        // the engines' own deduplicate (dbt_utils' default joins back on every column and would lose order 5's nulls)
        check(engine, "dbt_utils", "deduplicate", models, "utils_deduplicate", () ->
                assertThat(rows(workspace, "select id, amount, status from " + relation(workspace, "utils_deduplicate") + " order by id"))
                        .containsExactly("1|10|placed", "3|30|lost", "5|500|placed"));
    }

    private void dbtDateMacros(Workspace workspace, String engine, RunSummary models) {
        // dbt_date starts weeks on Sunday on DuckDB (as on Postgres) and on Monday (date_trunc's week) elsewhere
        boolean sundayWeeks = engine.equals("duckdb");
        String weekStart = sundayWeeks ? "2024-01-07" : "2024-01-08";
        String weekEnd = sundayWeeks ? "2024-01-13" : "2024-01-14";
        check(engine, "dbt_date", "day_name, month_name, date_part, day_of_week/year, week and iso week", models, "date_helpers", () ->
                assertThat(rows(workspace, "select short_day, long_day, long_month, day_of_week, day_of_year, month_number, "
                        + "cast(week_start as date), cast(week_end as date), cast(iso_week_start as date), iso_week from "
                        + relation(workspace, "date_helpers"))).containsExactly(
                        "Wed|Wednesday|January|3|10|1|" + weekStart + "|" + weekEnd + "|2024-01-08|2"));
        check(engine, "dbt_date", "n_days_ago, n_days_away, periods_since, to_unixtimestamp", models, "date_helpers", () -> {
            assertThat(rows(workspace, "select cast(week_ago as date), cast(three_days_on as date), unix_seconds from "
                    + relation(workspace, "date_helpers"))).containsExactly("2024-01-03|2024-01-13|1704844800");
            long days = ((Number) scalar(workspace, "select days_since from " + relation(workspace, "date_helpers"))).longValue();
            assertThat(days).isBetween(ChronoUnit.DAYS.between(LocalDate.of(2024, 1, 10), LocalDate.now(ZoneOffset.UTC)) - 1,
                    ChronoUnit.DAYS.between(LocalDate.of(2024, 1, 10), LocalDate.now(ZoneOffset.UTC)) + 1);
        });
        check(engine, "dbt_date", "convert_timezone", models, "date_helpers", () ->
                assertThat(rows(workspace, "select new_york_time from " + relation(workspace, "date_helpers")))
                        .containsExactly("2024-01-10 07:00:00"));
        check(engine, "dbt_date", "get_date_dimension", models, "date_dimension", () -> {
            String dimension = relation(workspace, "date_dimension");
            assertThat(rows(workspace, "select count(*), min(cast(date_day as date)), max(cast(date_day as date)) from " + dimension))
                    .containsExactly("60|2024-01-01|2024-02-29");
            assertThat(rows(workspace, "select day_of_week, day_of_week_iso, day_of_week_name, day_of_week_name_short, "
                    + "cast(week_start_date as date), cast(iso_week_start_date as date), month_name, "
                    + "cast(month_end_date as date), quarter_of_year, cast(prior_year_date_day as date) from " + dimension
                    + " where cast(date_day as date) = cast('2024-01-10' as date)")).containsExactly(
                    "4|3|Wednesday|Wed|" + weekStart + "|2024-01-08|January|2024-01-31|1|2023-01-10");
        });
    }

    private void auditHelperMacros(Workspace workspace, String engine, RunSummary models) {
        // Trino divides decimals at the dividend's scale: 100.0 * 2 / 6 is 33.3 before the rounding
        String third = engine.equals("trino") ? "33.3" : "33.33";
        check(engine, "audit_helper", "compare_relations", models, "audit_compare_relations", () ->
                assertThat(rows(workspace, "select * from " + relation(workspace, "audit_compare_relations") + " order by 1 desc, 2 desc"))
                        .containsExactly("true|true|2|" + third, "true|false|2|" + third, "false|true|2|" + third));
        check(engine, "audit_helper", "compare_column_values", models, "audit_compare_column_values", () ->
                assertThat(rows(workspace, "select column_name, match_status, count_records, percent_of_total from "
                        + relation(workspace, "audit_compare_column_values") + " order by count_records desc, match_status"))
                        .map(row -> row.replace("\u200d", "")).containsExactly("amount|perfect match|2|40",
                                "amount|missing from a|1|20", "amount|missing from b|1|20", "amount|values do not match|1|20"));
        check(engine, "audit_helper", "compare_all_columns", models, "audit_compare_all_columns", () ->
                assertThat(rows(workspace, "select * from " + relation(workspace, "audit_compare_all_columns") + " order by 1"))
                        .containsExactly("AMOUNT|2|0|0|1|1|1", "CUSTOMER_ID|3|0|0|1|1|0", "EMAIL|3|0|0|1|1|0", "ID|3|0|0|1|1|0",
                                "ORDER_DATE|3|0|0|1|1|0", "STATUS|3|0|0|1|1|0"));
        check(engine, "audit_helper", "compare_row_counts", models, "audit_compare_row_counts", () ->
                assertThat(rows(workspace, "select total_records from " + relation(workspace, "audit_compare_row_counts")))
                        .containsExactly("4", "4"));
    }

    private static String outcome(RunSummary summary, String test) {
        NodeResult result = result(summary, test);
        return result.status() + " " + (result.status() == NodeStatus.ERROR ? result.message() : result.failures());
    }

    private void check(String engine, String pkg, String what, RunSummary models, String model, Runnable assertion) {
        String gap = KNOWN_GAPS.get(engine + " " + model);
        if (gap != null) {
            check(engine, pkg, what, () -> {
                NodeResult built = result(models, model);
                assertThat(built.status()).as("%s, a known gap on %s", model, engine).isEqualTo(NodeStatus.ERROR);
                assertThat(built.message()).contains(gap);
                throw new KnownGap();
            });
            return;
        }
        check(engine, pkg, what, () -> {
            NodeResult built = result(models, model);
            assertThat(built.status()).as("%s: %s", model, built.message()).isEqualTo(NodeStatus.SUCCESS);
            assertion.run();
        });
    }

    /** Ends a known gap's check once the model failed as expected. */
    private static final class KnownGap extends RuntimeException {
        KnownGap() {
            super(null, null, false, false);
        }
    }

    private void check(String engine, String pkg, String what, Runnable assertion) {
        String outcome;
        try {
            assertion.run();
            outcome = "ok";
        }
        catch (KnownGap e) {
            outcome = "gap";
        }
        catch (AssertionError | RuntimeException e) {
            outcome = "FAIL " + String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
        }
        String line = engine + " " + pkg + " " + what.replace(' ', '_') + " " + outcome;
        outcomes.add(line);
        String report = System.getenv(REPORT_ENV);
        if (report != null && !report.isBlank()) {
            try {
                Files.writeString(Path.of(report), line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
            catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static Path installedPackages() {
        String dir = System.getProperty(PACKAGES_PROPERTY, System.getenv(PACKAGES_ENV));
        assumeThat(dir).as("the real-packages contract is opt-in: set " + PACKAGES_ENV + " (or -D" + PACKAGES_PROPERTY
                + ") to a dbt_packages folder holding " + PACKAGES + "; bench/real-packages.sh does it").isNotBlank();
        Path path = Path.of(dir).toAbsolutePath();
        for (String pkg : PACKAGES) {
            assertThat(path.resolve(pkg).resolve("dbt_project.yml")).as("%s installed in %s", pkg, path).isRegularFile();
        }
        return path;
    }

    /** Links each installed package into the project's dbt_packages/, as dbt deps lays them out. */
    private static void linkPackages(Path installed, Path into) {
        try (Stream<Path> packages = Files.list(installed)) {
            Files.createDirectories(into);
            for (Path pkg : packages.toList()) {
                Files.createSymbolicLink(into.resolve(pkg.getFileName().toString()), pkg.toRealPath());
            }
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)))
                    .toLowerCase(Locale.ROOT);
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
