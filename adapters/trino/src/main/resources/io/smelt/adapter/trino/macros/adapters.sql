{#-
  Trino overrides of the compiler's relation macros. adapter.dispatch looks for trino__<name> before
  default__<name>. Every *.sql file in this folder is loaded (TrinoAdapter.macroResources).

  Trino resolves an unqualified name against the session's catalog and schema, never against the
  statement's other relation, so renames name their target in full.
-#}

{#- The kind of relation as Trino's DDL spells it. -#}
{% macro trino__relation_kind(relation) -%}
  {%- if relation.type == 'materialized_view' -%}materialized view
  {%- elif relation.type == 'view' -%}view
  {%- else -%}table
  {%- endif -%}
{%- endmacro %}

{% macro trino__create_schema(relation) -%}
  create schema if not exists {{ relation.without_identifier() }}
{%- endmacro %}

{#- Trino has no DROP ... CASCADE for tables and views. -#}
{% macro trino__drop_relation(relation) -%}
  drop {{ trino__relation_kind(relation) }} if exists {{ relation }}
{%- endmacro %}

{% macro trino__rename_relation(from_relation, to_relation) -%}
  {%- set target = to_relation if to_relation.schema else from_relation.incorporate(path={"identifier": to_relation.identifier}) -%}
  alter {{ trino__relation_kind(from_relation) }} {{ from_relation }} rename to {{ target }}
{%- endmacro %}

{#- Views honour view_security (definer, the default, or invoker), as dbt-trino's do. Trino's
    CREATE VIEW takes no parenthesized query that starts with WITH, so the query goes in bare. -#}
{% macro trino__create_view_as(relation, sql) -%}
  {%- set security = (config.get('view_security') or 'definer') | string | lower -%}
  {%- if security not in ['definer', 'invoker'] -%}
    {%- do exceptions.raise_compiler_error("config 'view_security' must be 'definer' or 'invoker', got '" ~ security ~ "'") -%}
  {%- endif -%}
  create or replace view {{ relation }} security {{ security }} as
{{ sql }}
{%- endmacro %}

{% macro trino__create_table_as(temporary, relation, sql) -%}
  create table {{ relation }}{{ trino__table_properties(relation) }} as (
{{ sql }}
  )
{%- endmacro %}

{#-
  Replaces a table as on_table_exists says (dbt-trino's config; Smelt's default is replace):
    replace  CREATE OR REPLACE TABLE, one atomic statement that keeps Iceberg's table history;
    drop     drop the table, then create it (for catalogs that cannot rename; not atomic);
    rename   build <name>__dbt_tmp, move the old table to <name>__dbt_backup, move the new one in,
             drop the backup.
-#}
{% macro trino__create_or_replace_table_as(relation, sql) -%}
  {%- set mode = (config.get('on_table_exists') or 'replace') | string | lower -%}
  {%- if mode == 'replace' -%}
  create or replace table {{ relation }}{{ trino__table_properties(relation) }} as (
{{ sql }}
  )
  {%- elif mode == 'drop' -%}
  drop table if exists {{ relation }};
  {{ trino__create_table_as(False, relation, sql) }}
  {%- elif mode == 'rename' -%}
    {%- set building = relation.incorporate(path={"identifier": relation.identifier ~ "__dbt_tmp"}) -%}
    {%- set backup = relation.incorporate(path={"identifier": relation.identifier ~ "__dbt_backup"}) -%}
    {%- set existing = adapter.get_relation(database=relation.database, schema=relation.schema, identifier=relation.identifier) -%}
  drop table if exists {{ building }};
  {{ trino__create_table_as(False, building, sql) }};
    {%- if existing is not none %}
  drop table if exists {{ backup }};
  {{ trino__rename_relation(relation, backup) }};
    {%- endif %}
  {{ trino__rename_relation(building, relation) }}
    {%- if existing is not none -%};
  drop table if exists {{ backup }}
    {%- endif -%}
  {%- else -%}
    {%- do exceptions.raise_compiler_error("config 'on_table_exists' must be 'replace', 'rename' or 'drop', got '" ~ mode ~ "'") -%}
  {%- endif -%}
{%- endmacro %}
