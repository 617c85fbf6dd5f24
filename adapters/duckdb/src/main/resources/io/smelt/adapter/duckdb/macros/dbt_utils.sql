{#- The built-in dbt_utils macros where DuckDB's SQL differs (dispatched in the dbt_utils namespace,
    which searches this package before the built-in one). -#}

{#- qualify keeps the first row of each partition without listing the columns, so a CTE's name
    works as well as a relation. -#}
{% macro duckdb__deduplicate(relation, partition_by, order_by) -%}
select *
from {{ relation }}
qualify row_number() over (partition by {{ partition_by }} order by {{ order_by }}) = 1
{%- endmacro %}
