{#- The catalog from DuckDB's own metadata functions, which hold what its information schema lacks:
    comments, and each table's estimated row count as a stat. -#}
{% macro duckdb__get_catalog(information_schema, schemas) -%}
  {%- set database = information_schema.database -%}
  {%- set query -%}
with relations as (
    select database_name, schema_name, table_name, 'BASE TABLE' as table_type, comment, estimated_size
    from duckdb_tables()
    union all
    select database_name, schema_name, view_name, 'VIEW', comment, null
    from duckdb_views() where not internal
)
select r.database_name as table_database, r.schema_name as table_schema, r.table_name, r.table_type,
       r.comment as table_comment, null as table_owner,
       c.column_name, c.column_index, c.data_type as column_type, c.comment as column_comment,
       'Approximate row count' as "stats:row_count:label",
       r.estimated_size as "stats:row_count:value",
       'The number of rows DuckDB estimates the table holds' as "stats:row_count:description",
       r.estimated_size is not null as "stats:row_count:include"
from relations r
join duckdb_columns() c
  on c.database_name = r.database_name and c.schema_name = r.schema_name and c.table_name = r.table_name
where {% if database %}lower(r.database_name) = '{{ database | lower | replace("'", "''") }}' and {% endif -%}
      {{ catalog_schemas_where('r.schema_name', schemas) }}
order by r.schema_name, r.table_name, c.column_index
  {%- endset -%}
  {{ return(run_query(query)) }}
{%- endmacro %}
