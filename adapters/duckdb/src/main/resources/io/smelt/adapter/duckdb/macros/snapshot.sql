{#- A snapshot's time as a plain TIMESTAMP, like the updated_at columns it sits beside (current_timestamp is a TIMESTAMPTZ). -#}
{% macro duckdb__snapshot_get_time() -%}current_localtimestamp(){%- endmacro %}
