{#-
  delete+insert as one MERGE, so that a failure leaves the table as it was: Trino commits every
  statement by itself, and the default's DELETE followed by INSERT could leave the rows deleted.
-#}
{% macro trino__get_delete_insert_merge_sql(target, source, unique_key, dest_columns, incremental_predicates) -%}
  {{- delete_insert_as_merge_sql(target, source, unique_key, dest_columns, incremental_predicates) -}}
{%- endmacro %}
