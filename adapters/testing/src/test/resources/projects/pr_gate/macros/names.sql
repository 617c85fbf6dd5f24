{% macro display_name(column) -%}
    {{ upper_name(column) }}
{%- endmacro %}

{% macro upper_name(column) -%}
    upper({{ column }})
{%- endmacro %}
