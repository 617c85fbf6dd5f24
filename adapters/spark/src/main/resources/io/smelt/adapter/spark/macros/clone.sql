{#- smelt clone: a Delta table is copied as a shallow clone (its files are shared, not copied). -#}
{% macro spark__can_clone_table() -%}
  {{ return(spark__file_format() == 'delta') }}
{%- endmacro %}

{% macro spark__create_or_replace_clone(this_relation, defer_relation) -%}
  create or replace table {{ this_relation }} shallow clone {{ defer_relation }}
{%- endmacro %}
