{% macro star(from, except=[]) -%}
'installed dbt_utils'
{%- endmacro %}

{% test expression_is_true(model, expression) %}
select 1 as from_the_installed_package
{% endtest %}

{% macro deduplicate(relation, partition_by, order_by) -%}
{{ return(adapter.dispatch('deduplicate', 'dbt_utils')(relation, partition_by, order_by)) }}
{%- endmacro %}

{% macro default__deduplicate(relation, partition_by, order_by) -%}
select 'the installed default' as id
{%- endmacro %}
