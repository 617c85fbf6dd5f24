{#- Spark versions of dbt_utils macros, for the built-in dbt_utils and an installed one alike: the
    dbt_utils namespace searches this package before dbt_utils itself (as the spark_utils shim
    package would) unless dbt_project.yml sets its own dispatch order. -#}

{#- dbt_utils' default joins the first rows back on every column, which loses rows holding a null;
    Spark has no qualify, so the first rows are selected by the relation's column list. A CTE's
    name has no column list and keeps the default. -#}
{% macro spark__deduplicate(relation, partition_by, order_by) -%}
  {%- if relation.identifier is not defined -%}
    {{ return(dbt_utils.default__deduplicate(relation, partition_by, order_by)) }}
  {%- endif -%}
  {{- deduplicate_by_column_list(relation, partition_by, order_by) -}}
{%- endmacro %}
