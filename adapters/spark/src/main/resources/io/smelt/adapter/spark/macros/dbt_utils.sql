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
  {%- set columns = adapter.get_columns_in_relation(relation) -%}
with dbt_utils_numbered as (
    select
        dbt_utils_source.*,
        row_number() over (partition by {{ partition_by }} order by {{ order_by }}) as dbt_utils_row_number
    from {{ relation }} dbt_utils_source
)
select {% for column in columns %}{{ adapter.quote(column.name) }}{% if not loop.last %}, {% endif %}{% endfor %}
from dbt_utils_numbered
where dbt_utils_row_number = 1
{%- endmacro %}
