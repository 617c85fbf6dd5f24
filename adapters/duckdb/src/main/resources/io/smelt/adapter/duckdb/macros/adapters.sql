{#-
  DuckDB overrides of the compiler's default macros.

  adapter.dispatch looks for duckdb__<name> before default__<name>, so a macro defined here as
  {% macro duckdb__create_schema(relation) %} ... {% endmacro %} replaces the default for DuckDB
  only. Every *.sql file in this folder is loaded (DuckDbAdapter.macroResources); add files per topic
  (for example materializations.sql, utils.sql) rather than growing this one.

  No overrides yet: the defaults' ANSI SQL already runs on DuckDB.
-#}
