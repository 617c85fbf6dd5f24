{#- Incremental strategies on Delta: append, merge, delete+insert and insert_overwrite. -#}

{% macro spark__get_incremental_append_sql(arg_dict) -%}
  {%- do return(get_insert_into_sql(arg_dict["target_relation"], arg_dict["temp_relation"], arg_dict["dest_columns"])
      ~ spark__optimize(arg_dict["target_relation"])) -%}
{%- endmacro %}

{#- The compiler's MERGE (every column named, merge_update_columns / merge_exclude_columns), then
    OPTIMIZE ... ZORDER BY when the model asks for it. -#}
{% macro spark__get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates) -%}
  {{- default__get_merge_sql(target, source, unique_key, dest_columns, incremental_predicates) -}}
  {{- spark__optimize(target) }}
{%- endmacro %}

{#- delete+insert as one MERGE (the compiler's delete_insert_as_merge_sql), so that a failure leaves
    the table as it was. -#}
{% macro spark__get_delete_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates) -%}
  {{- delete_insert_as_merge_sql(target, source, unique_key, dest_columns, incremental_predicates) -}}
  {{- spark__optimize(target) }}
{%- endmacro %}

{#- Replaces only the partitions the new rows fall in (dynamic partition overwrite). Without
    partition_by it would replace the whole table (dbt-spark#140): the compiler refuses such a model
    before it runs anything. -#}
{% macro spark__get_incremental_insert_overwrite_sql(arg_dict) -%}
  {%- set dest_cols_csv = get_quoted_csv(arg_dict["dest_columns"] | map(attribute="name")) -%}
set spark.sql.sources.partitionOverwriteMode = dynamic;
insert overwrite table {{ arg_dict["target_relation"] }} ({{ dest_cols_csv }})
select {{ dest_cols_csv }} from {{ arg_dict["temp_relation"] }}
{{- spark__optimize(arg_dict["target_relation"]) }}
{%- endmacro %}
