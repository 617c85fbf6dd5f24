{#- Rows as a union of selects, each value (SQL text, or none for null) cast to its column's type:
    i integer, s string, d date, t timestamp. -#}
{% macro typed_rows(columns, rows) -%}
{%- set types = {'i': dbt.type_int(), 's': dbt.type_string(), 'd': 'date', 't': dbt.type_timestamp()} -%}
{%- for row in rows %}
select {% for column in columns %}cast({{ 'null' if row[loop.index0] is none else row[loop.index0] }} as {{ types[column[1]] }}) as {{ column[0] }}{{ ', ' if not loop.last }}{% endfor %}
{{ "union all" if not loop.last }}
{%- endfor %}
{%- endmacro %}

{% macro row_columns() -%}
{{ return([('id', 'i'), ('grp', 's'), ('amount', 'i'), ('maybe_null', 'i'), ('note', 's'), ('const_col', 's'), ('seq', 'i'),
           ('event_day', 'd'), ('lo', 'i'), ('hi', 'i'), ('parent_id', 'i'), ('seen_at', 't')]) }}
{%- endmacro %}
