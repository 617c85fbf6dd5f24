{#- A snapshot's time as timestamp(6): Iceberg stores microseconds, and current_timestamp is a
    timestamp(3) with time zone that Iceberg's timestamp columns do not take as is. -#}
{% macro trino__snapshot_get_time() -%}localtimestamp(6){%- endmacro %}
