{#-
  The catalog docs generate reads (dbt-adapters' macros/adapters/metadata.sql): one table with a row
  per column of every relation in the schemas asked for, with the columns
    table_database, table_schema, table_name, table_type, table_comment, table_owner,
    column_name, column_index, column_type, column_comment,
  and any number of stats:<id>:label, stats:<id>:value, stats:<id>:description, stats:<id>:include.
  information_schema is the database's information schema as a relation (its .database names the
  database); schemas are names as the project writes them, compared without case.
-#}
{% macro get_catalog(information_schema, schemas) -%}
  {{ return(adapter.dispatch('get_catalog', 'dbt')(information_schema, schemas)) }}
{%- endmacro %}

{#- Standard SQL's information schema: names and types, no comments, no stats. -#}
{% macro default__get_catalog(information_schema, schemas) -%}
  {%- set query -%}
select t.table_catalog as table_database, t.table_schema, t.table_name, t.table_type,
       null as table_comment, null as table_owner,
       c.column_name, c.ordinal_position as column_index, c.data_type as column_type, null as column_comment
from {{ information_schema }}.tables t
join {{ information_schema }}.columns c
  on c.table_catalog = t.table_catalog and c.table_schema = t.table_schema and c.table_name = t.table_name
where {{ catalog_schemas_where('t.table_schema', schemas) }}
order by t.table_schema, t.table_name, c.ordinal_position
  {%- endset -%}
  {{ return(run_query(query)) }}
{%- endmacro %}

{#- The catalog of these relations only. By default the catalog of their schemas: docs generate
    keeps the rows of the relations it asked for either way. -#}
{% macro get_catalog_relations(information_schema, relations) -%}
  {{ return(adapter.dispatch('get_catalog_relations', 'dbt')(information_schema, relations)) }}
{%- endmacro %}
{% macro default__get_catalog_relations(information_schema, relations) -%}
  {%- set schemas = [] -%}
  {%- for relation in relations -%}
    {%- if relation.schema and relation.schema not in schemas -%}{%- do schemas.append(relation.schema) -%}{%- endif -%}
  {%- endfor -%}
  {{ return(get_catalog(information_schema, schemas)) }}
{%- endmacro %}

{#- `column in ('a', 'b')` over the schemas' names in lower case, quotes doubled; with fold, the
    column's values in lower case too (an engine that folds names to lower case can leave them). -#}
{% macro catalog_schemas_where(column, schemas, fold=true) -%}
  {% if fold %}lower({{ column }}){% else %}{{ column }}{% endif %} in ({%- for schema in schemas -%}
    '{{ schema | lower | replace("'", "''") }}'{{ ", " if not loop.last }}
  {%- endfor -%})
{%- endmacro %}

{#- A description as a SQL string literal: single quotes doubled, newlines kept. -#}
{% macro catalog_comment_literal(text) -%}
  {{ return(adapter.dispatch('catalog_comment_literal', 'dbt')(text)) }}
{%- endmacro %}
{% macro default__catalog_comment_literal(text) -%}
  '{{ text | string | replace("'", "''") }}'
{%- endmacro %}
