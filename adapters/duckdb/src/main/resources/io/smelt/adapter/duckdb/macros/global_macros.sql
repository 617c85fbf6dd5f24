{#- dbt's global cross-database macros where DuckDB's SQL differs from the defaults. -#}
{% macro duckdb__date(year, month, day) -%}make_date({{ year }}, {{ month }}, {{ day }}){%- endmacro %}

{#- DuckDB has a series table function; its column is named after it. -#}
{% macro duckdb__generate_series(upper_bound) -%}
  select series.generate_series as generated_number from generate_series(1, {{ upper_bound }}) as series
{%- endmacro %}

{#- DuckDB's information_schema is not qualified by a database; it lists every attached one. -#}
{% macro duckdb__list_schemas(database) -%}
  {{ return(run_query("select distinct schema_name from information_schema.schemata where lower(catalog_name) = '" ~ database | lower ~ "'")) }}
{%- endmacro %}
