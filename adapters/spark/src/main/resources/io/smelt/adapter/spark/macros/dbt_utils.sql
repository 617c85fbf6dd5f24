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

{#- Spark has no information_schema: the schemas and their tables and views are listed with SHOW,
    and the LIKE patterns are applied to that list in SQL. -#}
{% macro spark__get_tables_by_pattern_sql(schema_pattern, table_pattern, exclude, database) -%}
  {%- set listed = [] -%}
  {%- if execute -%}
    {%- for schema in run_query('show schemas').columns[0].values() -%}
      {%- if modules.re.fullmatch(spark_like_regex(schema_pattern), schema | lower) -%}
        {%- set views = run_query('show views in ' ~ schema).columns[1].values() | map('lower') | list -%}
        {%- for table in run_query('show tables in ' ~ schema).columns[1].values() -%}
          {%- do listed.append((schema, table, 'view' if table | lower in views else 'table')) -%}
        {%- endfor -%}
      {%- endif -%}
    {%- endfor -%}
  {%- endif -%}
select table_schema, table_name, table_type from (
  {%- for schema, table, kind in listed %}
    select '{{ schema }}' as table_schema, '{{ table }}' as table_name, '{{ kind }}' as table_type union all
  {%- endfor %}
    select cast(null as string) as table_schema, cast(null as string) as table_name, cast(null as string) as table_type
) listed
where table_name is not null
  and lower(table_schema) like lower('{{ schema_pattern }}')
  and lower(table_name) like lower('{{ table_pattern }}')
  and lower(table_name) not like lower('{{ exclude }}')
{%- endmacro %}

{#- A SQL LIKE pattern as a regular expression: % is any text, _ one character. -#}
{% macro spark_like_regex(pattern) -%}
  {%- set parts = [] -%}
  {%- for char in (pattern | lower) -%}
    {%- do parts.append('.*' if char == '%' else '.' if char == '_' else modules.re.escape(char)) -%}
  {%- endfor -%}
  {{ return(parts | join('')) }}
{%- endmacro %}
