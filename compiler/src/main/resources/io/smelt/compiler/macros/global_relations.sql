{#- dbt's global macros that write the SQL of relation changes (dbt-adapters' global_project/macros/
    relations and materializations/*/helpers): each returns SQL text and runs nothing. -#}

{% macro get_create_table_as_sql(temporary, relation, sql) -%}
  {{ adapter.dispatch('get_create_table_as_sql', 'dbt')(temporary, relation, sql) }}
{%- endmacro %}
{% macro default__get_create_table_as_sql(temporary, relation, sql) -%}
  {{ return(create_table_as(temporary, relation, sql)) }}
{%- endmacro %}

{% macro get_create_view_as_sql(relation, sql) -%}
  {{ adapter.dispatch('get_create_view_as_sql', 'dbt')(relation, sql) }}
{%- endmacro %}
{% macro default__get_create_view_as_sql(relation, sql) -%}
  {{ return(create_view_as(relation, sql)) }}
{%- endmacro %}

{#- CREATE for the relation's type: a view, a table or a materialized view. -#}
{% macro get_create_sql(relation, sql) -%}
  {{- adapter.dispatch('get_create_sql', 'dbt')(relation, sql) -}}
{%- endmacro %}
{% macro default__get_create_sql(relation, sql) -%}
  {%- if relation.is_view -%}
    {{ get_create_view_as_sql(relation, sql) }}
  {%- elif relation.is_table -%}
    {{ get_create_table_as_sql(False, relation, sql) }}
  {%- elif relation.is_materialized_view -%}
    {{ get_create_materialized_view_as_sql(relation, sql) }}
  {%- else -%}
    {{ exceptions.raise_compiler_error("`get_create_sql` has not been implemented for: " ~ relation.type) }}
  {%- endif -%}
{%- endmacro %}

{% macro get_create_materialized_view_as_sql(relation, sql) -%}
  {{- adapter.dispatch('get_create_materialized_view_as_sql', 'dbt')(relation, sql) -}}
{%- endmacro %}
{% macro default__get_create_materialized_view_as_sql(relation, sql) -%}
  {{ exceptions.raise_compiler_error("`get_create_materialized_view_as_sql` has not been implemented for this adapter.") }}
{%- endmacro %}

{% macro get_drop_sql(relation) -%}
  {{- adapter.dispatch('get_drop_sql', 'dbt')(relation) -}}
{%- endmacro %}
{% macro default__get_drop_sql(relation) -%}
  {%- if relation.is_view -%}
    {{ drop_view(relation) }}
  {%- elif relation.is_table -%}
    {{ drop_table(relation) }}
  {%- elif relation.is_materialized_view -%}
    {{ drop_materialized_view(relation) }}
  {%- else -%}
    drop {{ relation.type }} if exists {{ relation }} cascade
  {%- endif -%}
{%- endmacro %}

{% macro drop_table(relation) -%}{{- adapter.dispatch('drop_table', 'dbt')(relation) -}}{%- endmacro %}
{% macro default__drop_table(relation) -%}drop table if exists {{ relation }} cascade{%- endmacro %}

{% macro drop_view(relation) -%}{{- adapter.dispatch('drop_view', 'dbt')(relation) -}}{%- endmacro %}
{% macro default__drop_view(relation) -%}drop view if exists {{ relation }} cascade{%- endmacro %}

{% macro drop_materialized_view(relation) -%}{{- adapter.dispatch('drop_materialized_view', 'dbt')(relation) -}}{%- endmacro %}
{% macro default__drop_materialized_view(relation) -%}drop materialized view if exists {{ relation }} cascade{%- endmacro %}

{% macro get_rename_sql(relation, new_name) -%}
  {{- adapter.dispatch('get_rename_sql', 'dbt')(relation, new_name) -}}
{%- endmacro %}
{% macro default__get_rename_sql(relation, new_name) -%}
  {%- if relation.is_view -%}
    {{ get_rename_view_sql(relation, new_name) }}
  {%- elif relation.is_table -%}
    {{ get_rename_table_sql(relation, new_name) }}
  {%- elif relation.is_materialized_view -%}
    {{ get_rename_materialized_view_sql(relation, new_name) }}
  {%- else -%}
    {{ exceptions.raise_compiler_error("`get_rename_sql` has not been implemented for: " ~ relation.type) }}
  {%- endif -%}
{%- endmacro %}

{#- As in dbt, engines give these; without one they say so. -#}
{% macro get_rename_table_sql(relation, new_name) -%}
  {{- adapter.dispatch('get_rename_table_sql', 'dbt')(relation, new_name) -}}
{%- endmacro %}
{% macro default__get_rename_table_sql(relation, new_name) -%}
  {{ exceptions.raise_compiler_error("`get_rename_table_sql` has not been implemented for this adapter.") }}
{%- endmacro %}
{% macro get_rename_view_sql(relation, new_name) -%}
  {{- adapter.dispatch('get_rename_view_sql', 'dbt')(relation, new_name) -}}
{%- endmacro %}
{% macro default__get_rename_view_sql(relation, new_name) -%}
  {{ exceptions.raise_compiler_error("`get_rename_view_sql` has not been implemented for this adapter.") }}
{%- endmacro %}
{% macro get_rename_materialized_view_sql(relation, new_name) -%}
  {{- adapter.dispatch('get_rename_materialized_view_sql', 'dbt')(relation, new_name) -}}
{%- endmacro %}
{% macro default__get_rename_materialized_view_sql(relation, new_name) -%}
  {{ exceptions.raise_compiler_error("`get_rename_materialized_view_sql` has not been implemented for this adapter.") }}
{%- endmacro %}

{#- A model's contracted columns, in the order its properties list them. -#}
{% macro default__get_column_names() -%}
  {%- set columns = model['columns'] -%}
  {%- for key in columns -%}
    {%- set col = columns[key] -%}
    {{ adapter.quote(col['name']) if col.get('quote') else col['name'] }}{{ ", " if not loop.last }}
  {%- endfor -%}
{%- endmacro %}

{% macro get_select_subquery(sql) -%}
  {{ return(adapter.dispatch('get_select_subquery', 'dbt')(sql)) }}
{%- endmacro %}
{% macro default__get_select_subquery(sql) -%}
    select {{ adapter.dispatch('get_column_names', 'dbt')() }}
    from (
        {{ sql }}
    ) as model_subq
{%- endmacro %}

{#- Columns of source_columns whose names target_columns lacks. -#}
{% macro diff_columns(source_columns, target_columns) -%}
  {%- set target_names = target_columns | map(attribute='column') | list -%}
  {%- set missing = [] -%}
  {%- for column in source_columns -%}
    {%- if column.name not in target_names -%}
      {%- do missing.append(column) -%}
    {%- endif -%}
  {%- endfor -%}
  {{ return(missing) }}
{%- endmacro %}

{#- The quoted columns a merge updates: merge_update_columns, or all but merge_exclude_columns, or all. -#}
{% macro get_merge_update_columns(merge_update_columns, merge_exclude_columns, dest_columns) -%}
  {{ return(adapter.dispatch('get_merge_update_columns', 'dbt')(merge_update_columns, merge_exclude_columns, dest_columns)) }}
{%- endmacro %}
{% macro default__get_merge_update_columns(merge_update_columns, merge_exclude_columns, dest_columns) -%}
  {%- if merge_update_columns and merge_exclude_columns -%}
    {{ exceptions.raise_compiler_error('Model cannot specify merge_update_columns and merge_exclude_columns. Please update model to use only one config') }}
  {%- elif merge_update_columns -%}
    {{ return(merge_update_columns) }}
  {%- elif merge_exclude_columns -%}
    {%- set excluded = merge_exclude_columns | map('lower') | list -%}
    {%- set kept = [] -%}
    {%- for column in dest_columns -%}
      {%- if column.column | lower not in excluded -%}
        {%- do kept.append(column.quoted) -%}
      {%- endif -%}
    {%- endfor -%}
    {{ return(kept) }}
  {%- else -%}
    {{ return(dest_columns | map(attribute='quoted') | list) }}
  {%- endif -%}
{%- endmacro %}

{#- The strategy an incremental model gets without incremental_strategy: append. -#}
{% macro get_incremental_default_sql(arg_dict) -%}
  {{ return(adapter.dispatch('get_incremental_default_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}
{% macro default__get_incremental_default_sql(arg_dict) -%}
  {{ return(get_incremental_append_sql(arg_dict)) }}
{%- endmacro %}

{#- Literal forms used by snapshots. -#}
{% macro snapshot_string_as_time(timestamp) -%}
  {{ return(adapter.dispatch('snapshot_string_as_time', 'dbt')(timestamp)) }}
{%- endmacro %}
{% macro default__snapshot_string_as_time(timestamp) -%}
  {{ return("'" ~ timestamp ~ "'::timestamp") }}
{%- endmacro %}

{% macro get_true_sql() -%}
  {{ return(adapter.dispatch('get_true_sql', 'dbt')()) }}
{%- endmacro %}
{% macro default__get_true_sql() -%}
  {{ return('TRUE') }}
{%- endmacro %}

{#- Merge helpers (dbt-adapters' materializations/models/incremental/merge.sql). -#}
{% macro get_merge_unique_key_match(source_unique_key, target_unique_key) -%}
  {{ return(adapter.dispatch('get_merge_unique_key_match', 'dbt')(source_unique_key, target_unique_key)) }}
{%- endmacro %}
{% macro default__get_merge_unique_key_match(source_unique_key, target_unique_key) -%}
  {{ return(dbt.equals(source_unique_key, target_unique_key) | trim) }}
{%- endmacro %}

{#- Replaces the rows the predicates select with the source's, in one MERGE. -#}
{% macro get_insert_overwrite_merge_sql(target, source, dest_columns, predicates, include_sql_header=false) -%}
  {{ adapter.dispatch('get_insert_overwrite_merge_sql', 'dbt')(target, source, dest_columns, predicates, include_sql_header) }}
{%- endmacro %}
{% macro default__get_insert_overwrite_merge_sql(target, source, dest_columns, predicates, include_sql_header) -%}
  {%- set dest_cols_csv = get_quoted_csv(dest_columns | map(attribute="name")) -%}
  {%- set sql_header = config.get('sql_header', none) -%}
  {{ sql_header if sql_header is not none and include_sql_header }}
    merge into {{ target }} as DBT_INTERNAL_DEST
        using {{ source }} as DBT_INTERNAL_SOURCE
        on FALSE
    when not matched by source
        {% if predicates %} and {{ predicates | join(' and ') }} {% endif %}
        then delete
    when not matched then insert
        ({{ dest_cols_csv }})
    values
        ({{ dest_cols_csv }})
{%- endmacro %}

{#- Snapshot helpers (dbt-adapters' materializations/snapshots/helpers.sql). -#}
{% macro get_snapshot_table_column_names() -%}
  {{ return({'dbt_valid_to': 'dbt_valid_to', 'dbt_valid_from': 'dbt_valid_from', 'dbt_scd_id': 'dbt_scd_id',
             'dbt_updated_at': 'dbt_updated_at', 'dbt_is_deleted': 'dbt_is_deleted'}) }}
{%- endmacro %}

{% macro get_dbt_valid_to_current(strategy, columns) -%}
  coalesce(nullif({{ strategy.updated_at }}, {{ strategy.updated_at }}), {{ config.get('dbt_valid_to_current') or "null" }})
  as {{ columns.dbt_valid_to }}
{%- endmacro %}

{% macro unique_key_fields(unique_key) -%}
  {%- if unique_key is sequence and unique_key is not string and unique_key is not mapping -%}
    {%- for key in unique_key %}
    {{ key }} as dbt_unique_key_{{ loop.index }}{% if not loop.last %},{% endif %}
    {%- endfor -%}
  {%- else %}
    {{ unique_key }} as dbt_unique_key
  {%- endif -%}
{%- endmacro %}

{% macro unique_key_join_on(unique_key, identifier, from_identifier) -%}
  {%- if unique_key is sequence and unique_key is not string and unique_key is not mapping -%}
    {%- for key in unique_key %}
    {{ dbt.equals((identifier ~ ".dbt_unique_key_" ~ loop.index) | trim, (from_identifier ~ ".dbt_unique_key_" ~ loop.index) | trim) }}{% if not loop.last %} and{% endif %}
    {%- endfor -%}
  {%- else %}
    {{ identifier }}.dbt_unique_key = {{ from_identifier }}.dbt_unique_key
  {%- endif -%}
{%- endmacro %}

{% macro unique_key_is_null(unique_key, identifier) -%}
  {{ identifier }}.{{ 'dbt_unique_key_1' if unique_key is sequence and unique_key is not string and unique_key is not mapping else 'dbt_unique_key' }} is null
{%- endmacro %}

{% macro unique_key_is_not_null(unique_key, identifier) -%}
  {{ identifier }}.{{ 'dbt_unique_key_1' if unique_key is sequence and unique_key is not string and unique_key is not mapping else 'dbt_unique_key' }} is not null
{%- endmacro %}
