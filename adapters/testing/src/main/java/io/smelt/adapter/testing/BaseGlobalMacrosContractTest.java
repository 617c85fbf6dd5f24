package io.smelt.adapter.testing;

import io.smelt.compiler.result.Command;
import io.smelt.compiler.result.RunSummary;
import io.smelt.compiler.workspace.Workspace;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * dbt's global macros (dbt-adapters' global_project) on a real engine, through the global_macros
 * fixture: the cross-database ones each give the value dbt's give, read back from the engine; and
 * every global macro Smelt provides resolves as {@code dbt.<name>}.
 */
public abstract class BaseGlobalMacrosContractTest extends BaseProjectTest {
    /**
     * The macros of dbt's global project (dbt-adapters, global_project/macros) that Smelt provides,
     * by their public names; their {@code default__} versions come with them. Materializations and
     * the macros listed as missing in docs/reference/jinja.md are not here.
     */
    static final List<String> GLOBAL_MACROS = List.of(
            "_split_part_negative", "after_commit", "alter_column_type", "alter_relation_add_remove_columns",
            "any_value", "array_append", "array_concat", "array_construct", "before_begin", "bool_or",
            "build_snapshot_table", "cast", "cast_bool_to_text", "concat", "create_schema", "create_table_as",
            "create_view_as", "current_timestamp", "current_timestamp_backcompat", "current_timestamp_in_utc_backcompat",
            "date", "date_spine", "date_trunc", "dateadd", "datediff", "default_last_day", "diff_columns",
            "drop_materialized_view", "drop_relation", "drop_relation_if_exists", "drop_schema", "drop_schema_named",
            "drop_table", "drop_view", "equals", "escape_single_quotes", "except", "generate_alias_name",
            "generate_database_name", "generate_schema_name", "generate_schema_name_for_env", "generate_series",
            "get_column_schema_from_query", "get_columns_for_unit_tests", "get_columns_in_query", "get_columns_in_relation",
            "get_create_materialized_view_as_sql", "get_create_sql", "get_create_table_as_sql", "get_create_view_as_sql",
            "get_delete_insert_merge_sql", "get_drop_sql", "get_empty_schema_sql", "get_empty_subquery_sql",
            "get_incremental_append_sql", "get_incremental_default_sql", "get_incremental_delete_insert_sql",
            "get_incremental_insert_overwrite_sql", "get_incremental_merge_sql", "get_incremental_microbatch_sql",
            "get_insert_into_sql", "get_intervals_between", "get_limit_subquery_sql", "get_list_of_column_names",
            "get_merge_sql", "get_merge_update_columns", "get_or_create_relation", "get_powers_of_two", "get_quoted_csv",
            "get_rename_materialized_view_sql", "get_rename_sql", "get_rename_table_sql", "get_rename_view_sql",
            "get_select_subquery", "get_show_sql", "get_snapshot_get_time_data_type", "get_test_sql", "get_true_sql",
            "get_where_subquery", "hash", "in_transaction", "information_schema_name", "intersect", "is_core_v2",
            "is_incremental", "last_day", "length", "listagg", "load_cached_relation", "load_relation",
            "make_backup_relation", "make_hook_config", "make_intermediate_relation", "make_temp_relation",
            "noop_statement", "position", "rename_relation", "replace", "right", "run_query", "safe_cast",
            "should_full_refresh", "should_store_failures", "snapshot_get_time", "snapshot_hash_arguments",
            "snapshot_merge_sql", "snapshot_string_as_time", "split_part", "sql_convert_columns_in_relation",
            "statement", "string_literal", "truncate_relation", "type_bigint", "type_boolean", "type_float",
            "type_int", "type_numeric", "type_string", "type_timestamp",
            "convert_datetime", "dates_in_range", "partition_range", "py_current_timestring", "set_sql_header",
            "get_merge_unique_key_match", "get_insert_overwrite_merge_sql", "get_snapshot_table_column_names",
            "get_dbt_valid_to_current", "unique_key_fields", "unique_key_join_on", "unique_key_is_null",
            "unique_key_is_not_null", "get_create_intermediate_sql", "get_rename_intermediate_sql",
            "get_create_backup_sql", "get_drop_backup_sql", "get_replace_sql", "get_replace_table_sql",
            "get_replace_view_sql", "get_replace_materialized_view_sql", "refresh_materialized_view",
            "handle_existing_table", "can_clone_table", "create_or_replace_clone", "validate_sql",
            "generate_latest_version_pointer_alias", "copy_grants", "support_multiple_grantees_per_dcl_statement",
            "should_revoke", "get_show_grant_sql", "get_grant_sql", "get_revoke_sql", "get_dcl_statement_list",
            "call_dcl_statements", "alter_column_comment", "alter_relation_comment", "validate_doc_columns",
            "get_catalog", "get_catalog_relations",
            "persist_docs", "get_binding_char", "get_batch_size", "list_schemas", "get_table_columns_and_constraints",
            "table_columns_and_constraints", "get_assert_columns_equivalent", "assert_columns_equivalent");

    /** One build serves every check (a build on a server engine takes a while). */
    @Test
    public void globalMacrosExistAndTheCrossDatabaseOnesGiveDbtsValues() {
        Path project = project("global_macros");
        writeNamesModel(project.resolve("models/unresolved_global_macros.sql"));
        try (Workspace workspace = load(project)) {
            RunSummary summary = run(workspace, Command.BUILD);
            assertSucceeded(summary);

            assertThat(rows(workspace, "select missing from " + relation(workspace, "unresolved_global_macros")))
                    .as("global macros that dbt.<name> does not reach").containsExactly("");
            assertThat(rows(workspace, "select part_two, last_part, replaced, position_of_c, right_two, length_four,"
                    + " concatenated, literal, escaped, cast_int, safe_cast_null, hashed, bool_text, equals_same,"
                    + " equals_other from " + relation(workspace, "strings_and_casts"))).containsExactly(
                    "b|c|axc|3|ef|4|abc|lit|it's|13||0cc175b9c0f1b6a831c399e269772661|true|equal|different");
            assertThat(rows(workspace, "select leap_day, day_after, months_between, month_start, month_end, backcompat,"
                    + " backcompat_utc, current_now from " + relation(workspace, "dates"))).containsExactly(
                    "2024-02-29|2024-02-01|2|2024-02-01|2024-02-29|now|now|now");
            assertThat(rows(workspace, "select listed, any_a, has_any, letters from " + relation(workspace, "aggregates")))
                    .containsExactly("a,b,c|true|true|3");
            assertThat(rows(workspace, "select appended, concatenated, from_empty from " + relation(workspace, "arrays")))
                    .containsExactly("ok|ok|ok");
            assertThat(rows(workspace, "select numbers, total, first_number from " + relation(workspace, "series")))
                    .containsExactly("10|55|1");
            assertThat(rows(workspace, "select partition_days, one_day, timestring_length from "
                    + relation(workspace, "datetime_helpers"))).containsExactly("20240228,20240229,20240301|20240101|20");
            assertThat(rows(workspace, "select matched from " + relation(workspace, "snapshot_keys"))).containsExactly("1");
            assertThat(rows(workspace, "select target_schema_listed from " + relation(workspace, "schemas_listed")))
                    .containsExactly("yes");
            assertThat(rows(workspace, "select grant_sql, drop_sql, backup_identifier, revoke_flags, documented_columns,"
                    + " batch_size from " + relation(workspace, "relation_sql"))).containsExactly(
                    "1:grant select on T to reporter, auditor|drop table if exists T cascade|t__dbt_backup|True/False|id|10000");
            assertThat(rows(workspace, "select count(*), min(cast(date_day as date)), max(cast(date_day as date)) from "
                    + relation(workspace, "day_spine"))).containsExactly("4|2024-01-01|2024-01-04");
        }
    }

    /** A model that lists, in one string, every name of {@link #GLOBAL_MACROS} that {@code dbt.<name>} misses. */
    private static void writeNamesModel(Path file) {
        String checks = GLOBAL_MACROS.stream()
                .map(name -> "{% if not dbt." + name + " %}{% do missing.append('" + name + "') %}{% endif %}")
                .collect(Collectors.joining("\n"));
        try {
            Files.writeString(file, "{%- set missing = [] -%}\n" + checks
                    + "\nselect '{{ missing | join(\",\") }}' as missing\n");
        }
        catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
