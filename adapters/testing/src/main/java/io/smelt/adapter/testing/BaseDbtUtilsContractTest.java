package io.smelt.adapter.testing;

import io.smelt.adapter.QueryResult;
import io.smelt.adapter.Session;
import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.NodeResult;
import io.smelt.compiler.result.NodeStatus;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in dbt_utils on a real engine, through the dbt_utils_builtin fixture (no dbt_utils
 * installed): every generic test passes on {@code ok_rows} and fails on {@code bad_rows} with the
 * failing rows counted by hand, and every macro's model holds the rows dbt_utils gives. The
 * dbt_utils_installed fixture shows that an installed dbt_utils replaces the built-in one.
 */
public abstract class BaseDbtUtilsContractTest extends BaseProjectTest {
    /** Failures of each test: 0 for the ones that pass. */
    private static final Map<String, Integer> FAILURES = expectedFailures();

    private static Map<String, Integer> expectedFailures() {
        Map<String, Integer> failures = new LinkedHashMap<>();
        // name -> on bad_rows (ok_rows passes them all)
        Map<String, Integer> bad = new LinkedHashMap<>();
        bad.put("expression_column", 2);          // amounts -5 and -40
        bad.put("expression_where", 1);           // only grp 'b' is tested: -40
        bad.put("unique_combination", 1);         // (1, 'a') twice
        bad.put("accepted_range", 2);             // -5 and -40 below 0
        bad.put("not_null_proportion", 1);        // 1 of 4 is not null, at least 0.75 wanted
        bad.put("at_least_one", 1);               // note is null everywhere
        bad.put("not_constant", 1);               // const_col is 'x' everywhere
        bad.put("recency", 1);                    // seen in 2024
        bad.put("equal_rowcount", 2);             // 4 rows against short_rows' 2
        bad.put("equality", 4);                   // (1,-5), (4,-40) only here; (2,20), (4,40) only in ok_copy
        bad.put("relationships_where", 1);        // parent 9 is inactive; parent 8's row is excluded by from_condition
        bad.put("sequential_values", 1);          // 4 follows 2
        bad.put("sequential_days", 1);            // 01-05 follows 01-02
        bad.put("ranges", 2);                     // [0,10) overlaps [5,20); [7,7) is empty
        bad.put("ranges_zero_length_allowed", 1); // only the overlap
        bad.forEach((name, count) -> {
            if (!name.equals("ranges_zero_length_allowed")) {
                failures.put("ok_" + name, 0);
            }
            failures.put("bad_" + name, count);
        });
        failures.put("ok_ranges_without_gaps", 0);
        failures.put("ok_rows_range_exclusive", 2); // 10 and 40 are outside (10, 40)
        return failures;
    }

    /** One build of the fixture serves both checks (a build on a server engine takes a minute). */
    @Test
    public void builtInTestsAndMacrosGiveWhatDbtUtilsGives() {
        try (Workspace workspace = load(project("dbt_utils_builtin"))) {
            // run, then test: in a build, a failing test would skip the models downstream of its model
            assertSucceeded(run(workspace, Command.RUN));
            RunSummary summary = run(workspace, Command.TEST);
            assertThat(names(summary)).as("no test errors").noneMatch(name -> name.contains("=ERROR"));
            Map<String, String> actual = new LinkedHashMap<>();
            Map<String, String> expected = new LinkedHashMap<>();
            FAILURES.forEach((name, count) -> {
                NodeResult result = result(summary, name);
                actual.put(name, result.status() + " " + result.failures());
                expected.put(name, (count == 0 ? NodeStatus.PASS : NodeStatus.FAIL) + " " + count);
            });
            assertThat(actual).isEqualTo(expected);
            long tests = summary.results().stream().filter(r -> r.node().resourceType().dbtName().equals("test")).count();
            assertThat(tests).as("every test of the fixture is checked").isEqualTo(FAILURES.size());
            builtInMacrosBuildTheRowsDbtUtilsGives(workspace);
        }
    }

    private void builtInMacrosBuildTheRowsDbtUtilsGives(Workspace workspace) {

        // star: every column but the excluded ones (named in any case), aliased and renamed
        assertThat(columnNames(workspace, "star_model")).containsExactly("p_id_s", "p_grp_s", "p_amount_s", "p_maybe_null_s",
                "p_const_col_s", "p_seq_s", "p_lo_s", "p_hi_s", "p_parent_id_s");
        assertThat(rows(workspace, "select p_id_s, p_grp_s, p_amount_s from " + relation(workspace, "star_model") + " order by p_id_s"))
                .containsExactly("1|a|10", "2|a|20", "3|b|30", "4|b|40");

        // generate_surrogate_key: md5 of the values joined by '-', null as dbt_utils' marker
        assertThat(rows(workspace, "select id, sk from " + relation(workspace, "surrogate_keys") + " order by id")).containsExactly(
                "1|" + md5("1-1"), "2|" + md5("2-_dbt_utils_surrogate_key_null_"), "3|" + md5("3-3"), "4|" + md5("4-4"));

        // date_spine: the start included, the end excluded
        assertThat(rows(workspace, "select cast(date_day as date) from " + relation(workspace, "day_spine") + " order by 1"))
                .containsExactly("2024-01-30", "2024-01-31", "2024-02-01");
        assertThat(rows(workspace, "select count(*), min(cast(date_month as date)), max(cast(date_month as date)) from "
                + relation(workspace, "month_spine"))).containsExactly("12|2023-01-01|2023-12-01");

        // union_relations: the union of the columns, null where a relation lacks one, and where each row came from
        String unioned = relation(workspace, "unioned");
        assertThat(rows(workspace, "select id, side_l, side_r from " + unioned + " order by id")).containsExactly("1|l|", "2||r");
        assertThat(rows(workspace, "select id from " + unioned + " where _dbt_source_relation like '%union_right%'"))
                .containsExactly("2");

        // get_relations_by_pattern: union_left and union_right found by 'union_%' ('unioned' excluded), then unioned
        String byPattern = relation(workspace, "by_pattern");
        assertThat(rows(workspace, "select id, side_l, side_r from " + byPattern + " order by id")).containsExactly("1|l|", "2||r");
        assertThat(rows(workspace, "select count(distinct _dbt_source_relation) from " + byPattern)).containsExactly("2");

        // pivot over get_column_values: one summed column per group
        assertThat(rows(workspace, "select total_a, total_b from " + relation(workspace, "pivoted"))).containsExactly("30|70");

        // get_column_values: ordered, limited, filtered
        assertThat(rows(workspace, "select groups_descending, first_group, groups_over_25 from " + relation(workspace, "column_values")))
                .containsExactly("b,a|a|b");

        // deduplicate: per id, the row with the highest seq, with the relation's columns only
        String deduplicated = relation(workspace, "deduplicated");
        assertThat(rows(workspace, "select id, amount, seq from " + deduplicated + " order by id"))
                .containsExactly("1|-5|2", "3|30|4", "4|-40|5");
        assertThat(columnNames(workspace, "deduplicated")).hasSize(12);
    }

    @Test
    public void anInstalledDbtUtilsReplacesTheBuiltInOne() {
        try (Workspace workspace = load(project("dbt_utils_installed"))) {
            assertSucceeded(run(workspace, Command.RUN));
            RunSummary summary = run(workspace, Command.TEST);
            assertThat(rows(workspace, "select marker from " + relation(workspace, "uses_star"))).containsExactly("installed dbt_utils");
            assertThat(rows(workspace, "select id from " + relation(workspace, "uses_deduplicate")))
                    .as("the engine's deduplicate, searched before the installed package's default").containsExactly("1");
            NodeResult test = result(summary, "installed_expression");
            assertThat(test.status()).as("the installed expression_is_true, which always finds one row").isEqualTo(NodeStatus.FAIL);
            assertThat(test.failures()).isEqualTo(1);
            assertThat(workspace.manifest().macros()).as("no built-in dbt_utils macro is loaded")
                    .doesNotContainKey("macro.dbt_utils.generate_surrogate_key")
                    .containsKey("macro.dbt_utils.star");
        }
    }

    private List<String> columnNames(Workspace workspace, String model) {
        try (Session session = workspace.openSession()) {
            QueryResult result = session.execute("select * from " + relation(workspace, model), true, 1);
            return result.columns().stream().map(c -> c.name().toLowerCase(java.util.Locale.ROOT)).toList();
        }
    }

    private static String md5(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
