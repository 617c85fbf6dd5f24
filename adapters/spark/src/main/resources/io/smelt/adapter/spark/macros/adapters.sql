{#-
  Spark overrides of the compiler's relation macros. adapter.dispatch looks for spark__<name> before
  default__<name>. Every *.sql file in this folder is loaded (SparkAdapter.macroResources).

  Tables are Delta unless file_format says otherwise. The model's Spark config, as in dbt-spark:
    file_format     delta (default), parquet, ...
    partition_by    a column, a list of columns, or {"field": "date", "data_type": "date"}
    clustered_by    column(s) to bucket by, with buckets (non-Delta formats)
    location_root   a folder; the table lives at <location_root>/<identifier>
    options         a map for OPTIONS (...)
    tblproperties   a map for TBLPROPERTIES (...)
    zorder_by       column(s): OPTIMIZE ... ZORDER BY (...) runs after the table is written (Delta)
-#}

{% macro spark__file_format() -%}
  {{- return((config.get('file_format') or 'delta') | string | lower) -}}
{%- endmacro %}

{% macro spark__column_list(value) -%}
  {%- set items = [value] if (value is string or value is mapping) else value -%}
  {%- set names = [] -%}
  {%- for item in items -%}
    {%- set name = item.get('field') if item is mapping else item -%}
    {%- if not name -%}
      {%- do exceptions.raise_compiler_error("partition_by needs a 'field'") -%}
    {%- endif -%}
    {%- do names.append(name | string | trim) -%}
  {%- endfor -%}
  {{- return(names) -}}
{%- endmacro %}

{% macro spark__literal(value) -%}
  '{{ value | string | replace("\\", "\\\\") | replace("'", "\\'") }}'
{%- endmacro %}

{% macro spark__table_clauses(relation) -%}
  {%- set format = spark__file_format() -%}
  {%- set options = config.get('options') -%}
  {%- set partition_by = config.get('partition_by') -%}
  {%- set clustered_by = config.get('clustered_by') -%}
  {%- set location_root = config.get('location_root') -%}
  {%- set tblproperties = config.get('tblproperties') %}
  using {{ format }}
  {%- if options %}
  options ({% for key, value in options.items() %}{{ key }} {{ spark__literal(value) }}{{ ", " if not loop.last }}{% endfor %})
  {%- endif %}
  {%- if partition_by %}
  partitioned by ({{ spark__column_list(partition_by) | join(', ') }})
  {%- endif %}
  {%- if clustered_by %}
    {%- if not config.get('buckets') -%}
      {%- do exceptions.raise_compiler_error("clustered_by needs buckets") -%}
    {%- endif %}
  clustered by ({{ spark__column_list(clustered_by) | join(', ') }}) into {{ config.get('buckets') }} buckets
  {%- endif %}
  {%- if location_root %}
  location {{ spark__literal(location_root | string ~ '/' ~ relation.identifier) }}
  {%- endif %}
  {%- if tblproperties %}
  tblproperties ({% for key, value in tblproperties.items() %}{{ spark__literal(key) }} = {{ spark__literal(value) }}{{ ", " if not loop.last }}{% endfor %})
  {%- endif %}
{%- endmacro %}

{#- OPTIMIZE ... ZORDER BY after a write, when the model asks for zorder_by (Delta only). -#}
{#- zorder_by, or cluster_by without it, Z-orders the files after each write (dbt-databricks means
    liquid clustering by cluster_by; Smelt does not create liquid-clustered tables). -#}
{% macro spark__optimize(relation) -%}
  {%- set zorder_by = config.get('zorder_by') or config.get('cluster_by') -%}
  {%- if zorder_by and not relation.identifier.endswith('__dbt_tmp') -%};
optimize {{ relation }} zorder by ({{ spark__column_list(zorder_by) | join(', ') }})
  {%- endif -%}
{%- endmacro %}

{% macro spark__create_table_as(temporary, relation, sql) -%}
create table {{ relation }}{{ spark__table_clauses(relation) }}
as
{{ sql }}
{{- spark__optimize(relation) }}
{%- endmacro %}

{#- One atomic statement on Delta, which keeps the table's history. Other formats cannot be
    replaced in place: the new table is built under a temporary name first, so a model that fails
    leaves the old table, and only then swapped in with a drop and a rename. -#}
{% macro spark__create_or_replace_table_as(relation, sql) -%}
  {%- if spark__file_format() == 'delta' -%}
create or replace table {{ relation }}{{ spark__table_clauses(relation) }}
as
{{ sql }}
{{- spark__optimize(relation) }}
  {%- else -%}
    {%- set building = relation.incorporate(path={"identifier": relation.identifier ~ "__dbt_tmp"}) -%}
drop table if exists {{ building }};
{{ spark__create_table_as(False, building, sql) }};
drop table if exists {{ relation }};
alter table {{ building }} rename to {{ relation }}
  {%- endif -%}
{%- endmacro %}

{% macro spark__create_view_as(relation, sql) -%}
create or replace view {{ relation }}{{ spark__view_column_comments(sql) }} as
{{ sql }}
{%- endmacro %}

{#- With persist_docs columns, the view's column list with the documented columns' comments: Spark
    keeps a view's column comments only from its CREATE VIEW (as dbt-databricks writes them). -#}
{% macro spark__view_column_comments(sql) -%}
  {%- if config.persist_column_docs() and model.columns -%}
    {%- set documented = {} -%}
    {%- for name, column in model.columns.items() -%}
      {%- if column.get('description') -%}{%- do documented.update({name | lower: column['description']}) -%}{%- endif -%}
    {%- endfor -%}
    {%- if documented -%}
      {%- set columns = [] -%}
      {%- for name in get_columns_in_query(sql) -%}
        {%- set comment = documented.get(name | lower) -%}
        {%- do columns.append(adapter.quote(name) ~ (' comment ' ~ spark__literal(comment) if comment else '')) -%}
      {%- endfor %} ({{ columns | join(', ') }})
    {%- endif -%}
  {%- endif -%}
{%- endmacro %}

{% macro spark__drop_relation(relation) -%}
drop {{ 'view' if relation.type == 'view' else 'table' }} if exists {{ relation }}
{%- endmacro %}

{#- Spark resolves an unqualified new name against the current schema, so the target is named in full. -#}
{% macro spark__rename_relation(from_relation, to_relation) -%}
  {%- set target = to_relation if to_relation.schema else from_relation.incorporate(path={"identifier": to_relation.identifier}) -%}
alter {{ 'view' if from_relation.type == 'view' else 'table' }} {{ from_relation }} rename to {{ target }}
{%- endmacro %}

{% macro spark__create_schema(relation) -%}
create schema if not exists {{ relation.without_identifier() }}
{%- endmacro %}

{#- on_schema_change on Spark. Added columns: ALTER TABLE ADD COLUMNS. Dropped or retyped columns: Delta
    drops columns only after switching the table to column mapping (a protocol upgrade older readers
    cannot follow) and widens few types (not int to bigint in Delta 3.3), so the table is rewritten
    instead, in one CREATE OR REPLACE commit that keeps its history: each kept column cast to its new
    type, new ones null. Other formats cannot do either. -#}
{% macro spark__apply_schema_change(relation, source_columns, add_columns, remove_columns, retyped_columns) -%}
  {%- if not remove_columns and not retyped_columns -%}
    {%- if add_columns -%}
alter table {{ relation }} add columns ({% for column in add_columns %}{{ adapter.quote(column.name) }} {{ column.data_type }}{{ ", " if not loop.last }}{% endfor %})
    {%- endif -%}
  {%- else -%}
    {%- if spark__file_format() != 'delta' -%}
      {%- do exceptions.raise_compiler_error("on_schema_change: a " ~ spark__file_format() ~ " table cannot drop or retype columns in place; use file_format delta or --full-refresh") -%}
    {%- endif -%}
    {%- set added = add_columns | map(attribute='name') | map('lower') | list -%}
create or replace table {{ relation }}{{ spark__table_clauses(relation) }}
as
select
    {%- for column in source_columns %}
    cast({{ 'null' if column.name | lower in added else adapter.quote(column.name) }} as {{ column.data_type }}) as {{ adapter.quote(column.name) }}{{ "," if not loop.last }}
    {%- endfor %}
from {{ relation }}
  {%- endif -%}
{%- endmacro %}

{#- Delta changes a column's type in place only by widening it (Delta's type widening). -#}
{% macro spark__alter_column_type(relation, column_name, new_column_type) -%}
alter table {{ relation }} set tblproperties ('delta.enableTypeWidening' = 'true');
alter table {{ relation }} change column {{ adapter.quote(column_name) }} type {{ new_column_type }}
{%- endmacro %}
