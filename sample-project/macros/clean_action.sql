{#- Normalizes an action name as emitted by older clients (' Click ', 'VIEW'). -#}
{% macro clean_action(column_name) -%}
    LOWER(TRIM({{ column_name }}))
{%- endmacro %}
