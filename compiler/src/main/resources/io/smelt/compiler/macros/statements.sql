{#- statement / run_query: the Java side runs the SQL on the node's session and keeps the result. -#}
{% macro statement(name=None, fetch_result=False, auto_begin=True, language='sql') -%}
  {%- if execute -%}
    {%- set compiled_code = caller() -%}
    {%- do _smelt_execute_statement(name, compiled_code, fetch_result) -%}
  {%- endif -%}
{%- endmacro %}

{% macro noop_statement(name=None, message=None, code=None, rows_affected=None, res=None) -%}
  {%- set sql = caller() -%}
  {%- do store_raw_result(name=name, message=message, code=code, rows_affected=rows_affected, agate_table=res) -%}
{%- endmacro %}
