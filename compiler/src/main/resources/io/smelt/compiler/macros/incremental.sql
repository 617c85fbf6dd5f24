{#- Incremental strategies. Each returns one or more statements separated by ';'. -#}
{% macro get_quoted_csv(column_names) -%}
  {%- set quoted = [] -%}
  {%- for col in column_names -%}
    {%- do quoted.append(adapter.quote(col)) -%}
  {%- endfor -%}
  {{ quoted | join(', ') }}
{%- endmacro %}

{% macro get_incremental_append_sql(arg_dict) -%}
  {{ return(adapter.dispatch('get_incremental_append_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{% macro default__get_incremental_append_sql(arg_dict) -%}
  {% do return(get_insert_into_sql(arg_dict["target_relation"], arg_dict["temp_relation"], arg_dict["dest_columns"])) %}
{%- endmacro %}

{% macro get_insert_into_sql(target_relation, temp_relation, dest_columns) -%}
  {%- set dest_cols_csv = get_quoted_csv(dest_columns | map(attribute="name")) -%}
insert into {{ target_relation }} ({{ dest_cols_csv }})
select {{ dest_cols_csv }} from {{ temp_relation }}
{%- endmacro %}

{% macro get_incremental_delete_insert_sql(arg_dict) -%}
  {{ return(adapter.dispatch('get_incremental_delete_insert_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{% macro default__get_incremental_delete_insert_sql(arg_dict) -%}
  {% do return(get_delete_insert_merge_sql(arg_dict["target_relation"], arg_dict["temp_relation"], arg_dict["unique_key"], arg_dict["dest_columns"], arg_dict["incremental_predicates"])) %}
{%- endmacro %}

{% macro get_delete_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
  {{ adapter.dispatch('get_delete_insert_merge_sql', 'dbt')(target, source, unique_key, dest_columns, incremental_predicates) }}
{%- endmacro %}

{% macro default__get_delete_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates) -%}
  {%- set dest_cols_csv = get_quoted_csv(dest_columns | map(attribute="name")) -%}
  {%- if unique_key -%}
    {#- the target is DBT_INTERNAL_DEST, as in dbt, so incremental_predicates read the same on every engine -#}
    {%- if unique_key is sequence and unique_key is not string -%}
delete from {{ target }} as DBT_INTERNAL_DEST
where exists (
    select 1 from {{ source }} as DBT_INTERNAL_SOURCE
    where
    {%- for key in unique_key %}
        DBT_INTERNAL_SOURCE.{{ key }} = DBT_INTERNAL_DEST.{{ key }}{{ " and " if not loop.last }}
    {%- endfor %}
)
    {%- else %}
delete from {{ target }} as DBT_INTERNAL_DEST
where ({{ unique_key }}) in (
    select ({{ unique_key }}) from {{ source }}
)
    {%- endif %}
    {%- if incremental_predicates %}
    {%- for predicate in incremental_predicates %}
    and {{ predicate }}
    {%- endfor %}
    {%- endif %};
  {%- endif %}
insert into {{ target }} ({{ dest_cols_csv }})
select {{ dest_cols_csv }} from {{ source }}
{%- endmacro %}

{#-
  delete+insert as one MERGE statement, for engines without multi-statement transactions (Trino,
  Spark/Delta): a failure leaves the target as it was. The source holds the new rows (inserted) and,
  once per distinct key, a marker row that matches and deletes the target rows with that key. Rows
  with a null key are never deleted, as with the default. An engine's get_delete_insert_merge_sql
  override calls this.
-#}
{% macro delete_insert_as_merge_sql(target, source, unique_key, dest_columns, incremental_predicates) -%}
  {%- set dest_cols_csv = get_quoted_csv(dest_columns | map(attribute="name")) -%}
  {%- if not unique_key -%}
insert into {{ target }} ({{ dest_cols_csv }})
select {{ dest_cols_csv }} from {{ source }}
  {%- else -%}
    {%- set keys = unique_key if (unique_key is sequence and unique_key is not string) else [unique_key] -%}
merge into {{ target }} as DBT_INTERNAL_DEST
using (
    select {{ dest_cols_csv }}{% for key in keys %}, {{ key }} as dbt_smelt_key_{{ loop.index }}{% endfor %}, false as dbt_smelt_delete
    from {{ source }}
    union all
    select distinct {% for column in dest_columns %}null, {% endfor %}{% for key in keys %}{{ key }}, {% endfor %}true
    from {{ source }}
) as DBT_INTERNAL_SOURCE
on DBT_INTERNAL_SOURCE.dbt_smelt_delete
    {%- for key in keys %}
    and DBT_INTERNAL_SOURCE.dbt_smelt_key_{{ loop.index }} = DBT_INTERNAL_DEST.{{ key }}
    {%- endfor %}
    {%- for predicate in (incremental_predicates or []) %}
    and {{ predicate }}
    {%- endfor %}
when matched then delete
when not matched and not DBT_INTERNAL_SOURCE.dbt_smelt_delete then insert ({{ dest_cols_csv }})
values ({% for column in dest_columns %}DBT_INTERNAL_SOURCE.{{ adapter.quote(column.name) }}{{ ", " if not loop.last }}{% endfor %})
  {%- endif -%}
{%- endmacro %}

{% macro get_incremental_merge_sql(arg_dict) -%}
  {{ return(adapter.dispatch('get_incremental_merge_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{% macro default__get_incremental_merge_sql(arg_dict) -%}
  {% do return(get_merge_sql(arg_dict["target_relation"], arg_dict["temp_relation"], arg_dict["unique_key"], arg_dict["dest_columns"], arg_dict["incremental_predicates"])) %}
{%- endmacro %}

{% macro get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates=none) -%}
  {{ adapter.dispatch('get_merge_sql', 'dbt')(target, source, unique_key, dest_columns, incremental_predicates) }}
{%- endmacro %}

{% macro default__get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates) -%}
  {%- set predicates = [] if incremental_predicates is none else [] + incremental_predicates -%}
  {%- set dest_cols_csv = get_quoted_csv(dest_columns | map(attribute="name")) -%}
  {%- if unique_key -%}
    {%- if unique_key is sequence and unique_key is not string -%}
      {%- for key in unique_key -%}
        {%- do predicates.append("DBT_INTERNAL_SOURCE." ~ key ~ " = DBT_INTERNAL_DEST." ~ key) -%}
      {%- endfor -%}
    {%- else -%}
      {%- do predicates.append("DBT_INTERNAL_SOURCE." ~ unique_key ~ " = DBT_INTERNAL_DEST." ~ unique_key) -%}
    {%- endif -%}
  {%- else -%}
    {%- do predicates.append('FALSE') -%}
  {%- endif -%}
  {#- a matched row updates every column, or only merge_update_columns, or all but merge_exclude_columns -#}
  {%- set update_columns = config.get('merge_update_columns') -%}
  {%- if not update_columns -%}
    {%- set excluded = (config.get('merge_exclude_columns') or []) | map('lower') | list -%}
    {%- set update_columns = [] -%}
    {%- for column in dest_columns if column.name | lower not in excluded -%}
      {%- do update_columns.append(column.name) -%}
    {%- endfor -%}
  {%- endif -%}
merge into {{ target }} as DBT_INTERNAL_DEST
using {{ source }} as DBT_INTERNAL_SOURCE
on {{ predicates | join(' and ') }}
  {%- if unique_key %}
when matched then update set
    {%- for column in update_columns %}
    {{ adapter.quote(column) }} = DBT_INTERNAL_SOURCE.{{ adapter.quote(column) }}{{ "," if not loop.last }}
    {%- endfor %}
  {%- endif %}
when not matched then insert ({{ dest_cols_csv }})
values ({% for column in dest_columns %}DBT_INTERNAL_SOURCE.{{ adapter.quote(column.name) }}{{ ", " if not loop.last }}{% endfor %})
{%- endmacro %}

{#-
  microbatch: each batch replaces exactly the table's rows whose event time falls in the batch's
  window [start, end) with the batch's rows. The default is one MERGE, so that engines that commit
  each statement by itself (Trino, Spark/Delta) apply a batch whole or not at all. Its source is the
  batch's rows (inserted) and one marker row that matches, and so deletes, every table row in the
  window; each table row matches at most that one source row, as Iceberg and Delta require. The
  window's ends are the text of UTC timestamps ('2024-10-01 00:00:00').
-#}
{% macro get_incremental_microbatch_sql(arg_dict) -%}
  {{ return(adapter.dispatch('get_incremental_microbatch_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{% macro default__get_incremental_microbatch_sql(arg_dict) -%}
  {% do return(microbatch_replace_as_merge_sql(arg_dict["target_relation"], arg_dict["temp_relation"], arg_dict["dest_columns"],
      arg_dict["event_time"], arg_dict["event_time_start"], arg_dict["event_time_end"], arg_dict["incremental_predicates"])) %}
{%- endmacro %}

{% macro microbatch_replace_as_merge_sql(target, source, dest_columns, event_time, start, end, incremental_predicates=none) -%}
  {%- set dest_cols_csv = get_quoted_csv(dest_columns | map(attribute="name")) -%}
merge into {{ target }} as DBT_INTERNAL_DEST
using (
    select {{ dest_cols_csv }}, false as dbt_smelt_delete
    from {{ source }}
    union all
    select {% for column in dest_columns %}null, {% endfor %}true
) as DBT_INTERNAL_SOURCE
on DBT_INTERNAL_SOURCE.dbt_smelt_delete
    and {{ event_time_window_sql('DBT_INTERNAL_DEST.' ~ event_time, start, end) }}
    {%- for predicate in (incremental_predicates or []) %}
    and {{ predicate }}
    {%- endfor %}
when matched then delete
when not matched and not DBT_INTERNAL_SOURCE.dbt_smelt_delete then insert ({{ dest_cols_csv }})
values ({% for column in dest_columns %}DBT_INTERNAL_SOURCE.{{ adapter.quote(column.name) }}{{ ", " if not loop.last }}{% endfor %})
{%- endmacro %}

{#- The condition that an event time lies in [start, end); start and end are UTC timestamps' text. -#}
{% macro event_time_window_sql(column, start, end) -%}
  {{ return(adapter.dispatch('event_time_window_sql', 'dbt')(column, start, end)) }}
{%- endmacro %}

{% macro default__event_time_window_sql(column, start, end) -%}
{{ column }} >= timestamp '{{ start }}' and {{ column }} < timestamp '{{ end }}'
{%- endmacro %}

{#- What ref() and source() of a node with an event_time print in a batch: only the batch's rows. -#}
{% macro event_time_filtered_relation(relation, event_time, start, end) -%}
  {{ return(adapter.dispatch('event_time_filtered_relation', 'dbt')(relation, event_time, start, end)) }}
{%- endmacro %}

{% macro default__event_time_filtered_relation(relation, event_time, start, end) -%}
(select * from {{ relation }} where {{ event_time_window_sql(event_time, start, end) }})
{%- endmacro %}

{#-
  insert_overwrite replaces the partitions the new rows fall in: the table's rows whose partition_by
  columns hold a value the new rows hold are replaced by the new rows. Spark overrides it with dynamic
  partition overwrite; elsewhere it is delete+insert keyed on the partition columns (one transaction
  on DuckDB, one MERGE on Trino). The compiler refuses the model without partition_by.
-#}
{% macro get_incremental_insert_overwrite_sql(arg_dict) -%}
  {{ return(adapter.dispatch('get_incremental_insert_overwrite_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{% macro default__get_incremental_insert_overwrite_sql(arg_dict) -%}
  {%- set keys = partition_columns(config.get('partition_by')) -%}
  {% do return(get_delete_insert_merge_sql(arg_dict["target_relation"], arg_dict["temp_relation"], keys, arg_dict["dest_columns"], arg_dict["incremental_predicates"])) %}
{%- endmacro %}

{#- The columns of dbt's partition_by forms: a column, a list of columns, or {"field": ..., ...} (or a list of those). -#}
{% macro partition_columns(partition_by) -%}
  {%- set columns = [] -%}
  {%- set entries = [partition_by] if (partition_by is string or partition_by is mapping) else (partition_by or []) -%}
  {%- for entry in entries -%}
    {%- set column = entry.field if entry is mapping else entry -%}
    {%- if not modules.re.match('^[A-Za-z_][A-Za-z0-9_]*$', column | string) -%}
      {%- do exceptions.raise_compiler_error("insert_overwrite replaces partitions by column; partition_by entry '" ~ column ~ "' is not a column name") -%}
    {%- endif -%}
    {%- do columns.append(column) -%}
  {%- endfor -%}
  {{ return(columns) }}
{%- endmacro %}
