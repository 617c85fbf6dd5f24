{#- The built-in dbt_utils macros where Trino's SQL differs (dispatched in the dbt_utils namespace,
    which searches this package before the built-in one). -#}

{#- Trino has neither qualify nor natural joins: the first rows are selected by their column list,
    which only a relation (not a CTE's name) can give. -#}
{% macro trino__deduplicate(relation, partition_by, order_by) -%}
  {%- if relation.identifier is not defined -%}
    {{ exceptions.raise_compiler_error("deduplicate on Trino needs a relation (ref() or source()), not the CTE '" ~ relation ~ "'") }}
  {%- endif -%}
  {{ return(dbt_utils.default__deduplicate(relation, partition_by, order_by)) }}
{%- endmacro %}
