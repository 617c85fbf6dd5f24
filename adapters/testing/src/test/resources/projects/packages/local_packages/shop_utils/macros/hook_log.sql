{#- The table the package's hooks write to; each hook reaches these macros without 'shop_utils.' -#}
{% macro hook_log() -%}
    {{ return(api.Relation.create(database=target.database, schema=target.schema, identifier='shop_utils_hook_log')) }}
{%- endmacro %}

{% macro create_hook_log() -%}
    create schema if not exists {{ target.schema }};
    create table if not exists {{ hook_log() }} (event {{ dbt.type_string() }})
{%- endmacro %}

{% macro log_hook_event(event) -%}
    insert into {{ hook_log() }} values ('{{ event }}')
{%- endmacro %}
