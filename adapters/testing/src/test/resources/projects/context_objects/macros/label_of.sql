{% macro label_of(value) -%}
upper('{{ value }}')
{%- endmacro %}
