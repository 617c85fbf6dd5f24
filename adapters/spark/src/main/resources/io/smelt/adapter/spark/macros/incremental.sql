{#- Incremental strategies on Delta: append, merge, delete+insert and insert_overwrite. -#}

{% macro spark__get_incremental_append_sql(arg_dict) -%}
  {%- do return(get_insert_into_sql(arg_dict["target_relation"], arg_dict["temp_relation"], arg_dict["dest_columns"])
      ~ spark__optimize(arg_dict["target_relation"])) -%}
{%- endmacro %}

{#- Delta's MERGE: UPDATE SET * and INSERT *, or only merge_update_columns (or all but
    merge_exclude_columns) when the model names them. -#}
{% macro spark__get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates) -%}
  {%- set predicates = [] if incremental_predicates is none else [] + incremental_predicates -%}
  {%- set keys = unique_key if (unique_key is sequence and unique_key is not string) else ([unique_key] if unique_key else []) -%}
  {%- for key in keys -%}
    {%- do predicates.append("DBT_INTERNAL_SOURCE." ~ key ~ " = DBT_INTERNAL_DEST." ~ key) -%}
  {%- endfor -%}
  {%- if not predicates -%}{%- do predicates.append('false') -%}{%- endif -%}
  {%- set update_columns = config.get('merge_update_columns') -%}
  {%- set exclude_columns = config.get('merge_exclude_columns') -%}
  {%- if exclude_columns and not update_columns -%}
    {%- set excluded = exclude_columns | map('lower') | list -%}
    {%- set update_columns = [] -%}
    {%- for column in dest_columns if column.name | lower not in excluded -%}
      {%- do update_columns.append(column.name) -%}
    {%- endfor -%}
  {%- endif -%}
merge into {{ target }} as DBT_INTERNAL_DEST
using {{ source }} as DBT_INTERNAL_SOURCE
on {{ predicates | join(' and ') }}
  {%- if keys %}
when matched then update set
    {%- if update_columns %}
      {%- for column in update_columns %}
    {{ adapter.quote(column) }} = DBT_INTERNAL_SOURCE.{{ adapter.quote(column) }}{{ "," if not loop.last }}
      {%- endfor %}
    {%- else %} *
    {%- endif %}
  {%- endif %}
when not matched then insert *
{{- spark__optimize(target) }}
{%- endmacro %}

{#- delete+insert as one MERGE (the compiler's delete_insert_as_merge_sql), so that a failure leaves
    the table as it was. -#}
{% macro spark__get_delete_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates) -%}
  {{- delete_insert_as_merge_sql(target, source, unique_key, dest_columns, incremental_predicates) -}}
  {{- spark__optimize(target) }}
{%- endmacro %}

{% macro get_incremental_insert_overwrite_sql(arg_dict) -%}
  {{ return(adapter.dispatch('get_incremental_insert_overwrite_sql', 'dbt')(arg_dict)) }}
{%- endmacro %}

{#- Replaces only the partitions the new rows fall in (dynamic partition overwrite). Without
    partition_by it would replace the whole table (dbt-spark#140): the compiler refuses such a model
    before it runs anything. -#}
{% macro spark__get_incremental_insert_overwrite_sql(arg_dict) -%}
  {%- set dest_cols_csv = get_quoted_csv(arg_dict["dest_columns"] | map(attribute="name")) -%}
set spark.sql.sources.partitionOverwriteMode = dynamic;
insert overwrite table {{ arg_dict["target_relation"] }}
select {{ dest_cols_csv }} from {{ arg_dict["temp_relation"] }}
{{- spark__optimize(arg_dict["target_relation"]) }}
{%- endmacro %}
