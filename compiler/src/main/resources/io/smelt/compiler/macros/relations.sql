{#- The statements each materialization step runs. Engines override the default__ versions. -#}
{% macro create_schema(relation) -%}
  {{ adapter.dispatch('create_schema', 'dbt')(relation) }}
{%- endmacro %}

{% macro default__create_schema(relation) -%}
  create schema if not exists {{ relation.without_identifier() }}
{%- endmacro %}

{% macro drop_relation(relation) -%}
  {{ adapter.dispatch('drop_relation', 'dbt')(relation) }}
{%- endmacro %}

{% macro default__drop_relation(relation) -%}
  drop {{ relation.type }} if exists {{ relation }} cascade
{%- endmacro %}

{% macro rename_relation(from_relation, to_relation) -%}
  {{ adapter.dispatch('rename_relation', 'dbt')(from_relation, to_relation) }}
{%- endmacro %}

{% macro default__rename_relation(from_relation, to_relation) -%}
  alter {{ from_relation.type }} {{ from_relation }} rename to {{ adapter.quote(to_relation.identifier) }}
{%- endmacro %}

{% macro create_table_as(temporary, relation, compiled_code, language='sql') -%}
  {{ adapter.dispatch('create_table_as', 'dbt')(temporary, relation, compiled_code) }}
{%- endmacro %}

{#- As dbt's default: a temporary table is named without database and schema. -#}
{% macro default__create_table_as(temporary, relation, sql) -%}
  create {% if temporary %}temporary {% endif %}table {{ relation.include(database=(not temporary), schema=(not temporary)) }} as (
{{ sql }}
  )
{%- endmacro %}

{#- Replaces a table in one statement; used where the engine says CREATE OR REPLACE TABLE is atomic. -#}
{% macro create_or_replace_table_as(relation, sql) -%}
  {{ adapter.dispatch('create_or_replace_table_as', 'dbt')(relation, sql) }}
{%- endmacro %}

{% macro default__create_or_replace_table_as(relation, sql) -%}
  create or replace table {{ relation }} as (
{{ sql }}
  )
{%- endmacro %}

{% macro create_view_as(relation, sql) -%}
  {{ adapter.dispatch('create_view_as', 'dbt')(relation, sql) }}
{%- endmacro %}

{% macro default__create_view_as(relation, sql) -%}
  create or replace view {{ relation }} as (
{{ sql }}
  )
{%- endmacro %}

{% macro truncate_relation(relation) -%}
  {{ adapter.dispatch('truncate_relation', 'dbt')(relation) }}
{%- endmacro %}

{% macro default__truncate_relation(relation) -%}
  truncate table {{ relation }}
{%- endmacro %}

{% macro get_show_sql(compiled_code, sql_header, limit) -%}
  {{ adapter.dispatch('get_show_sql', 'dbt')(compiled_code, sql_header, limit) }}
{%- endmacro %}

{% macro default__get_show_sql(compiled_code, sql_header, limit) -%}
  {%- if sql_header %}{{ sql_header }}{% endif -%}
  {%- if limit is not none %}
select * from (
{{ compiled_code }}
) as model_limit_subq
limit {{ limit }}
  {%- else %}
{{ compiled_code }}
  {%- endif -%}
{%- endmacro %}

{#- Where an incremental model stages its new rows before they are merged in. -#}
{% macro make_temp_relation(base_relation, suffix='__dbt_tmp') -%}
  {{ return(adapter.dispatch('make_temp_relation', 'dbt')(base_relation, suffix)) }}
{%- endmacro %}

{% macro default__make_temp_relation(base_relation, suffix) -%}
  {{ return(base_relation.incorporate(path={"identifier": base_relation.identifier ~ suffix})) }}
{%- endmacro %}

{#- on_schema_change: columns added to and dropped from an incremental model's table. -#}
{% macro alter_relation_add_remove_columns(relation, add_columns=none, remove_columns=none) -%}
  {{ return(adapter.dispatch('alter_relation_add_remove_columns', 'dbt')(relation, add_columns, remove_columns)) }}
{%- endmacro %}

{% macro default__alter_relation_add_remove_columns(relation, add_columns, remove_columns) -%}
  {%- for column in add_columns or [] %}
alter table {{ relation }} add column {{ adapter.quote(column.name) }} {{ column.data_type }};
  {%- endfor %}
  {%- for column in remove_columns or [] %}
alter table {{ relation }} drop column {{ adapter.quote(column.name) }};
  {%- endfor %}
{%- endmacro %}

{#- on_schema_change: sync_all_columns gives a column the type of the model's new rows. -#}
{% macro alter_column_type(relation, column_name, new_column_type) -%}
  {{ return(adapter.dispatch('alter_column_type', 'dbt')(relation, column_name, new_column_type)) }}
{%- endmacro %}

{% macro default__alter_column_type(relation, column_name, new_column_type) -%}
alter table {{ relation }} alter column {{ adapter.quote(column_name) }} set data type {{ new_column_type }}
{%- endmacro %}

{#- on_schema_change: brings the table to the new rows' columns (source_columns) by adding, dropping and
    retyping; append_new_columns passes only add_columns. An engine that cannot alter in place
    overrides this step as a whole. -#}
{% macro apply_schema_change(relation, source_columns, add_columns, remove_columns, retyped_columns) -%}
  {{ return(adapter.dispatch('apply_schema_change', 'dbt')(relation, source_columns, add_columns, remove_columns, retyped_columns)) }}
{%- endmacro %}

{% macro default__apply_schema_change(relation, source_columns, add_columns, remove_columns, retyped_columns) -%}
{{ alter_relation_add_remove_columns(relation, add_columns, remove_columns) }}
  {%- for column in retyped_columns %};
{{ alter_column_type(relation, column.name, column.data_type) }}
  {%- endfor %}
{%- endmacro %}

{#- dbt_utils.deduplicate for engines without qualify: the first row of each partition, selected
    by the relation's column list (dbt_utils' natural-join default drops rows holding a null). -#}
{% macro deduplicate_by_column_list(relation, partition_by, order_by) -%}
  {%- set columns = adapter.get_columns_in_relation(relation) -%}
with dbt_utils_numbered as (
    select
        dbt_utils_source.*,
        row_number() over (partition by {{ partition_by }} order by {{ order_by }}) as dbt_utils_row_number
    from {{ relation }} dbt_utils_source
)
select {% for column in columns %}{{ adapter.quote(column.name) }}{% if not loop.last %}, {% endif %}{% endfor %}
from dbt_utils_numbered
where dbt_utils_row_number = 1
{%- endmacro %}

{#- dbt_utils.get_tables_by_pattern_sql where information_schema.tables exists but ilike does not:
    table_schema, table_name and table_type ('table' or 'view') of the relations whose schema and
    name match the LIKE patterns, case-insensitively. -#}
{% macro tables_by_pattern_sql(schema_pattern, table_pattern, exclude, database) -%}
select distinct
    table_schema,
    table_name,
    case when upper(table_type) like '%VIEW%' then 'view' else 'table' end as table_type
from {% if database %}{{ database }}.{% endif %}information_schema.tables
where lower(table_schema) like lower('{{ schema_pattern }}')
  and lower(table_name) like lower('{{ table_pattern }}')
  and lower(table_name) not like lower('{{ exclude }}')
{%- endmacro %}

{#-
  What ref() and source() print under --empty (limit 0): dbt's BaseRelation.render_limited. dbt-duckdb,
  dbt-trino and dbt-spark all set require_alias false, so the subquery has no alias and a ref followed
  by the model's own alias still compiles; an engine whose SQL needs one overrides this.
-#}
{% macro limited_relation_sql(relation, limit) -%}
  {{ return(adapter.dispatch('limited_relation_sql', 'dbt')(relation, limit)) }}
{%- endmacro %}

{% macro default__limited_relation_sql(relation, limit) -%}
{%- if limit == 0 -%}
(select * from {{ relation }} where false limit 0)
{%- else -%}
(select * from {{ relation }} limit {{ limit }})
{%- endif -%}
{%- endmacro %}
