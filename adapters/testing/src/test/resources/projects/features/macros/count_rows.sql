{#- Wraps the SQL written between {% call count_rows() %} and {% endcall %}. -#}
{% macro count_rows() -%}
select count(*) as row_count from (
    {{ caller() }}
) as counted
{%- endmacro %}
