{#-
  DuckDB overrides of the compiler's default macros.

  adapter.dispatch looks for duckdb__<name> before default__<name>, so a macro defined here as
  {% macro duckdb__create_schema(relation) %} ... {% endmacro %} replaces the default for DuckDB
  only. Every *.sql file in this folder is loaded (DuckDbAdapter.macroResources); add files per topic
  (for example materializations.sql, utils.sql) rather than growing this one.
-#}

{#- As dbt-duckdb: a temp relation has no database or schema, since DuckDB's temporary tables live
    only in its "temp" catalog (elementary creates its staging tables with create_table_as(True, ...)). -#}
{% macro duckdb__make_temp_relation(base_relation, suffix) -%}
  {{ return(base_relation.incorporate(path={"identifier": base_relation.identifier ~ suffix,
                                            "schema": none, "database": none})) }}
{%- endmacro %}
