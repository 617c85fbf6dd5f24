{#- dbt's global macros over the adapter (dbt-adapters' global_project/macros/adapters): columns,
    relations and schemas. Those that dbt runs as statements run them here too. -#}

{% macro get_columns_in_relation(relation) -%}
  {{ return(adapter.dispatch('get_columns_in_relation', 'dbt')(relation)) }}
{%- endmacro %}
{% macro default__get_columns_in_relation(relation) -%}
  {{ return(adapter.get_columns_in_relation(relation)) }}
{%- endmacro %}

{#- Rows of (name, data type, ...) as columns. -#}
{% macro sql_convert_columns_in_relation(table) -%}
  {%- set columns = [] -%}
  {%- for row in table -%}
    {%- do columns.append(api.Column.create(row[0], row[1])) -%}
  {%- endfor -%}
  {{ return(columns) }}
{%- endmacro %}

{% macro get_columns_for_unit_tests(relation) -%}
  {{ return(adapter.dispatch('get_columns_for_unit_tests', 'dbt')(relation)) }}
{%- endmacro %}
{% macro default__get_columns_for_unit_tests(relation) -%}
  {{ return(adapter.get_columns_in_relation(relation)) }}
{%- endmacro %}

{% macro get_list_of_column_names(columns) -%}
  {%- set names = [] -%}
  {%- for column in columns -%}
    {%- do names.append(column.name) -%}
  {%- endfor -%}
  {{ return(names) }}
{%- endmacro %}

{#- The query's columns without reading its rows. -#}
{% macro get_empty_subquery_sql(select_sql, select_sql_header=none) -%}
  {{ return(adapter.dispatch('get_empty_subquery_sql', 'dbt')(select_sql, select_sql_header)) }}
{%- endmacro %}
{% macro default__get_empty_subquery_sql(select_sql, select_sql_header=none) -%}
  {%- if select_sql_header is not none %}{{ select_sql_header }}{% endif %}
    select * from (
        {{ select_sql }}
    ) as __dbt_sbq
    where false
    limit 0
{%- endmacro %}

{#- A query of nulls cast to the types of a model's columns (a mapping of name to {name, data_type, quote}). -#}
{% macro get_empty_schema_sql(columns) -%}
  {{ return(adapter.dispatch('get_empty_schema_sql', 'dbt')(columns)) }}
{%- endmacro %}
{% macro default__get_empty_schema_sql(columns) -%}
  {%- set untyped = [] -%}
  {%- set naked_numeric = [] -%}
    select
  {%- for key in columns %}
    {%- set col = columns[key] -%}
    {%- if col['data_type'] is not defined or col['data_type'] is none -%}
      {%- do untyped.append(col['name']) -%}
    {%- elif col['data_type'].strip().lower() in ('numeric', 'decimal', 'number') -%}
      {%- do naked_numeric.append(col['name']) -%}
    {%- endif %}
    {{ dbt.cast('null', col['data_type']) }} as {{ adapter.quote(col['name']) if col.get('quote') else col['name'] }}{{ ", " if not loop.last }}
  {%- endfor -%}
  {%- if untyped | length > 0 -%}
    {{ exceptions.raise_compiler_error("Contracted models require data_type to be defined for each column. Please ensure that the column name and data_type are defined within the YAML configuration for the " ~ untyped ~ " column(s).") }}
  {%- elif naked_numeric | length > 0 -%}
    {%- do exceptions.warn("Detected columns with numeric type and unspecified precision/scale, this can lead to unintended rounding: " ~ naked_numeric ~ "`") -%}
  {%- endif -%}
{%- endmacro %}

{#- The columns (name and type) a query returns, asked of the database with the empty subquery. -#}
{% macro get_column_schema_from_query(select_sql, select_sql_header=none) -%}
  {%- call statement('get_column_schema_from_query', fetch_result=True, auto_begin=False) -%}
    {{ get_empty_subquery_sql(select_sql, select_sql_header) }}
  {%- endcall -%}
  {%- set columns = [] -%}
  {%- for column in load_result('get_column_schema_from_query').table.columns -%}
    {%- do columns.append(api.Column.create(column.name, column.data_type)) -%}
  {%- endfor -%}
  {{ return(columns) }}
{%- endmacro %}

{% macro get_columns_in_query(select_sql) -%}
  {{ return(adapter.dispatch('get_columns_in_query', 'dbt')(select_sql)) }}
{%- endmacro %}
{% macro default__get_columns_in_query(select_sql) -%}
  {%- call statement('get_columns_in_query', fetch_result=True, auto_begin=False) -%}
    {{ get_empty_subquery_sql(select_sql) }}
  {%- endcall -%}
  {{ return(load_result('get_columns_in_query').table.columns | map(attribute='name') | list) }}
{%- endmacro %}

{% macro make_intermediate_relation(base_relation, suffix='__dbt_tmp') -%}
  {{ return(adapter.dispatch('make_intermediate_relation', 'dbt')(base_relation, suffix)) }}
{%- endmacro %}
{% macro default__make_intermediate_relation(base_relation, suffix) -%}
  {{ return(dbt.default__make_temp_relation(base_relation, suffix)) }}
{%- endmacro %}

{% macro make_backup_relation(base_relation, backup_relation_type, suffix='__dbt_backup') -%}
  {{ return(adapter.dispatch('make_backup_relation', 'dbt')(base_relation, backup_relation_type, suffix)) }}
{%- endmacro %}
{% macro default__make_backup_relation(base_relation, backup_relation_type, suffix) -%}
  {{ return(base_relation.incorporate(path={"identifier": base_relation.identifier ~ suffix}, type=backup_relation_type)) }}
{%- endmacro %}

{#- [true, the relation] when it exists, else [false, a new relation of that type]. -#}
{% macro get_or_create_relation(database, schema, identifier, type) -%}
  {{ return(adapter.dispatch('get_or_create_relation', 'dbt')(database, schema, identifier, type)) }}
{%- endmacro %}
{% macro default__get_or_create_relation(database, schema, identifier, type) -%}
  {%- set existing = adapter.get_relation(database=database, schema=schema, identifier=identifier) -%}
  {%- if existing -%}
    {{ return([true, existing]) }}
  {%- endif -%}
  {{ return([false, api.Relation.create(database=database, schema=schema, identifier=identifier, type=type)]) }}
{%- endmacro %}

{% macro load_cached_relation(relation) -%}
  {{ return(adapter.get_relation(database=relation.database, schema=relation.schema, identifier=relation.identifier)) }}
{%- endmacro %}

{% macro drop_relation_if_exists(relation) -%}
  {%- if relation is not none -%}
    {%- do adapter.drop_relation(relation) -%}
  {%- endif -%}
{%- endmacro %}

{% macro drop_schema(relation) -%}
  {{ adapter.dispatch('drop_schema', 'dbt')(relation) }}
{%- endmacro %}
{% macro default__drop_schema(relation) -%}
  {%- call statement('drop_schema') -%}
    drop schema if exists {{ relation.without_identifier() }} cascade
  {%- endcall -%}
{%- endmacro %}

{% macro drop_schema_named(schema_name) -%}
  {{ return(adapter.dispatch('drop_schema_named', 'dbt')(schema_name)) }}
{%- endmacro %}
{% macro default__drop_schema_named(schema_name) -%}
  {%- do dbt.drop_schema(api.Relation.create(database=target.database, schema=schema_name)) -%}
{%- endmacro %}

{% macro information_schema_name(database) -%}
  {{ return(adapter.dispatch('information_schema_name', 'dbt')(database)) }}
{%- endmacro %}
{% macro default__information_schema_name(database) -%}
  {%- if database -%}{{ database }}.INFORMATION_SCHEMA{%- else -%}INFORMATION_SCHEMA{%- endif -%}
{%- endmacro %}

{#- Comments from descriptions (persist_docs). By default SQL's COMMENT ON (DuckDB, Trino, Postgres);
    column comments run one statement each, as engines take one statement per call. -#}
{% macro alter_column_comment(relation, column_dict) -%}
  {{ return(adapter.dispatch('alter_column_comment', 'dbt')(relation, column_dict)) }}
{%- endmacro %}
{% macro default__alter_column_comment(relation, column_dict) -%}
  {%- for name, column in column_dict.items() -%}
    {%- if column.get('description') -%}
      {%- set column_name = adapter.quote(name) if column.get('quote') else name -%}
      {%- do run_query('comment on column ' ~ relation ~ '.' ~ column_name ~ ' is ' ~ catalog_comment_literal(column['description'])) -%}
    {%- endif -%}
  {%- endfor -%}
{%- endmacro %}

{% macro alter_relation_comment(relation, relation_comment) -%}
  {{ return(adapter.dispatch('alter_relation_comment', 'dbt')(relation, relation_comment)) }}
{%- endmacro %}
{% macro default__alter_relation_comment(relation, relation_comment) -%}
comment on {{ 'view' if relation.type == 'view' else 'table' }} {{ relation }} is {{ catalog_comment_literal(relation_comment) }}
{%- endmacro %}

{#- The documented columns the relation has (a warning names the others). -#}
{% macro validate_doc_columns(relation, column_dict, existing_column_names) -%}
  {%- set existing_lower = existing_column_names | map('lower') | list -%}
  {%- set missing = [] -%}
  {%- set present = {} -%}
  {%- for name in column_dict -%}
    {%- if (name in existing_column_names) if column_dict[name]['quote'] else (name | lower in existing_lower) -%}
      {%- do present.update({name: column_dict[name]}) -%}
    {%- else -%}
      {%- do missing.append(name) -%}
    {%- endif -%}
  {%- endfor -%}
  {%- if missing | length > 0 -%}
    {%- do exceptions.warn("In relation " ~ relation ~ ": The following columns are specified in the schema but are not present in the database: " ~ missing | join(", ")) -%}
  {%- endif -%}
  {{ return(present) }}
{%- endmacro %}

{% macro persist_docs(relation, model, for_relation=true, for_columns=true) -%}
  {{ return(adapter.dispatch('persist_docs', 'dbt')(relation, model, for_relation, for_columns)) }}
{%- endmacro %}
{% macro default__persist_docs(relation, model, for_relation, for_columns) -%}
  {%- set persist = config.get('persist_docs') or {} -%}
  {%- if for_relation and persist.get('relation') and model.description -%}
    {%- do run_query(alter_relation_comment(relation, model.description)) -%}
  {%- endif -%}
  {%- if for_columns and persist.get('columns') and model.columns -%}
    {%- set existing = adapter.get_columns_in_relation(relation) | map(attribute='name') | list -%}
    {%- set sql = alter_column_comment(relation, validate_doc_columns(relation, model.columns, existing)) -%}
    {%- if sql and sql | trim | length > 0 -%}
      {%- do run_query(sql) -%}
    {%- endif -%}
  {%- endif -%}
{%- endmacro %}

{#- Seed loading parameters (dbt-adapters' materializations/seeds/helpers.sql). -#}
{% macro get_binding_char() -%}{{ return(adapter.dispatch('get_binding_char', 'dbt')()) }}{%- endmacro %}
{% macro default__get_binding_char() -%}{{ return('%s') }}{%- endmacro %}

{% macro get_batch_size() -%}{{ return(adapter.dispatch('get_batch_size', 'dbt')()) }}{%- endmacro %}
{% macro default__get_batch_size() -%}{{ return(10000) }}{%- endmacro %}

{#- The schemas of a database, as a table of one column. -#}
{% macro list_schemas(database) -%}{{ return(adapter.dispatch('list_schemas', 'dbt')(database)) }}{%- endmacro %}
{% macro default__list_schemas(database) -%}
  {{ return(run_query("select distinct schema_name from " ~ information_schema_name(database) ~ ".SCHEMATA where catalog_name ilike '" ~ database ~ "'")) }}
{%- endmacro %}
