{% macro star(from, except=[]) -%}
'installed dbt_utils'
{%- endmacro %}

{% test expression_is_true(model, expression) %}
select 1 as from_the_installed_package
{% endtest %}
