{#- The built-in dbt_utils macros where DuckDB's SQL differs (dispatched in the dbt_utils namespace,
    which searches this package before the built-in one). -#}

{#- qualify keeps the first row of each partition without listing the columns, so a CTE's name
    works as well as a relation. -#}
{% macro duckdb__deduplicate(relation, partition_by, order_by) -%}
select *
from {{ relation }}
qualify row_number() over (partition by {{ partition_by }} order by {{ order_by }}) = 1
{%- endmacro %}

{#- DuckDB's information_schema covers every attached database, named by table_catalog. -#}
{% macro duckdb__get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude, database) -%}
select distinct
    table_schema,
    table_name,
    case when upper(table_type) like '%VIEW%' then 'view' else 'table' end as table_type
from information_schema.tables
where {% if database %}table_catalog = '{{ database }}' and {% endif %}table_schema ilike '{{ schema_pattern }}'
  and table_name ilike '{{ table_pattern }}'
  and table_name not ilike '{{ exclude }}'
{%- endmacro %}
