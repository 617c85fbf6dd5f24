{#- Model contracts: the table of a contracted model is created from its declared columns and
    constraints (dbt-adapters' columns_spec_ddl.sql), then filled with the model's rows. Which
    constraints reach the DDL is the engine's (Adapter.constraintSupport). -#}
{% macro get_table_columns_and_constraints() -%}
  {{ return(adapter.dispatch('get_table_columns_and_constraints', 'dbt')()) }}
{%- endmacro %}
{% macro default__get_table_columns_and_constraints() -%}
  {{ return(table_columns_and_constraints()) }}
{%- endmacro %}

{% macro table_columns_and_constraints() -%}
  {%- set column_ddl = adapter.render_raw_columns_constraints(raw_columns=model['columns']) -%}
  {%- set model_ddl = adapter.render_raw_model_constraints(raw_constraints=model['constraints']) -%}
(
  {%- for c in column_ddl %}
    {{ c }}{{ "," if not loop.last or model_ddl }}
  {%- endfor %}
  {%- for c in model_ddl %}
    {{ c }}{{ "," if not loop.last }}
  {%- endfor %}
)
{%- endmacro %}

{#- dbt's contract check for custom materializations: fails the model, naming each breaking column
    with both types, when the query's columns are not the contract's (the check Smelt's own
    materializations make before they write). -#}
{% macro get_assert_columns_equivalent(sql) -%}
  {{ adapter.dispatch('get_assert_columns_equivalent', 'dbt')(sql) }}
{%- endmacro %}
{% macro default__get_assert_columns_equivalent(sql) -%}
  {{ return(assert_columns_equivalent(sql)) }}
{%- endmacro %}

{% macro assert_columns_equivalent(sql) -%}
  {%- set returned = get_column_schema_from_query(sql, config.get('sql_header', none)) -%}
  {%- do adapter.assert_contract_columns(model['columns'], returned, model['name']) -%}
{%- endmacro %}

{#- The statements that create a contracted model's table and write its rows, in declared order. -#}
{% macro create_contracted_table(relation, sql) -%}
  {{ adapter.dispatch('create_contracted_table', 'dbt')(relation, sql) }}
{%- endmacro %}
{% macro default__create_contracted_table(relation, sql) -%}
create table {{ relation }} {{ get_table_columns_and_constraints() }};
insert into {{ relation }} ({{ adapter.dispatch('get_column_names', 'dbt')() }})
{{ get_select_subquery(sql) }}
{%- endmacro %}
