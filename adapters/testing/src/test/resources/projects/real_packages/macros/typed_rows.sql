{#- Rows as a union of selects, each value (SQL text, or none for null) cast to its column's type:
    i integer, s string, d date, t timestamp. -#}
{% macro typed_rows(rows) -%}
{%- set columns = [('id', 'i'), ('customer_id', 'i'), ('status', 's'), ('amount', 'i'), ('order_date', 'd'),
                   ('created_at', 't'), ('email', 's')] -%}
{%- set types = {'i': dbt.type_int(), 's': dbt.type_string(), 'd': 'date', 't': dbt.type_timestamp()} -%}
{%- for row in rows %}
select {% for column in columns %}cast({{ 'null' if row[loop.index0] is none else row[loop.index0] }} as {{ types[column[1]] }}) as {{ column[0] }}{{ ', ' if not loop.last }}{% endfor %}
{{ "union all" if not loop.last }}
{%- endfor %}
{%- endmacro %}
