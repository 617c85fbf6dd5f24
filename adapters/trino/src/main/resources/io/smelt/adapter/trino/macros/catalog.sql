{#- The catalog from the Trino catalog's information schema (its names are lower case, so the
    schemas are compared as they are, which Trino pushes into the connector), with table comments from
    system.metadata.table_comments and, for an Iceberg catalog, each table's row count and size from
    its current snapshot's summary. -#}
{% macro trino__get_catalog(information_schema, schemas) -%}
  {%- set database = information_schema.database | lower | replace("'", "''") -%}
  {%- set stats = trino__catalog_snapshot_stats(information_schema, schemas) -%}
  {%- set query -%}
with tables as (
    select table_catalog, table_schema, table_name, table_type
    from {{ information_schema }}.tables
    where {{ catalog_schemas_where('table_schema', schemas, false) }}
), columns as (
    select table_catalog, table_schema, table_name, column_name, ordinal_position, data_type, comment
    from {{ information_schema }}.columns
    where {{ catalog_schemas_where('table_schema', schemas, false) }}
), comments as (
    select schema_name, table_name, comment
    from system.metadata.table_comments
    where catalog_name = '{{ database }}' and {{ catalog_schemas_where('schema_name', schemas, false) }}
){% if stats %}, stats as (
{{ stats }}
){% endif %}
select t.table_catalog as table_database, t.table_schema, t.table_name, t.table_type,
       tc.comment as table_comment, cast(null as varchar) as table_owner,
       c.column_name, c.ordinal_position as column_index, c.data_type as column_type, c.comment as column_comment
  {%- if stats %},
       'Row count' as "stats:row_count:label", s.row_count as "stats:row_count:value",
       'Rows in the current Iceberg snapshot' as "stats:row_count:description", s.row_count is not null as "stats:row_count:include",
       'Size' as "stats:bytes:label", s.bytes as "stats:bytes:value",
       'Bytes of data files in the current Iceberg snapshot' as "stats:bytes:description", s.bytes is not null as "stats:bytes:include"
  {%- endif %}
from tables t
join columns c on c.table_catalog = t.table_catalog and c.table_schema = t.table_schema and c.table_name = t.table_name
left join comments tc on tc.schema_name = t.table_schema and tc.table_name = t.table_name
{%- if stats %}
left join stats s on s.table_schema = t.table_schema and s.table_name = t.table_name
{%- endif %}
order by t.table_schema, t.table_name, c.ordinal_position
  {%- endset -%}
  {{ return(run_query(query)) }}
{%- endmacro %}

{#- One row per Iceberg table (schema, name, row_count, bytes) read from its $snapshots table, as SQL;
    empty for other connectors, and past 200 tables (a statement too long to plan quickly). -#}
{% macro trino__catalog_snapshot_stats(information_schema, schemas) -%}
  {%- set database = information_schema.database | lower | replace("'", "''") -%}
  {%- set connector = run_query("select connector_name from system.metadata.catalogs where catalog_name = '" ~ database ~ "'") -%}
  {%- if connector.rows | length == 0 or connector.rows[0][0] != 'iceberg' -%}
    {{ return('') }}
  {%- endif -%}
  {%- set tables = run_query("select table_schema, table_name from " ~ information_schema ~ ".tables where table_type = 'BASE TABLE' and "
      ~ catalog_schemas_where('table_schema', schemas, false)) -%}
  {%- if tables.rows | length == 0 or tables.rows | length > 200 -%}
    {{ return('') }}
  {%- endif -%}
  {%- set parts = [] -%}
  {%- for row in tables.rows -%}
    {%- set snapshots = adapter.quote(information_schema.database) ~ '.' ~ adapter.quote(row[0]) ~ '.' ~ adapter.quote(row[1] ~ '$snapshots') -%}
    {%- do parts.append("select '" ~ row[0] | replace("'", "''") ~ "' as table_schema, '" ~ row[1] | replace("'", "''") ~ "' as table_name, "
        ~ "cast(max_by(summary['total-records'], committed_at) as bigint) as row_count, "
        ~ "cast(max_by(summary['total-files-size'], committed_at) as bigint) as bytes from " ~ snapshots) -%}
  {%- endfor -%}
  {{ return(parts | join('\nunion all\n')) }}
{%- endmacro %}
