{% macro base_seen() %}
  {{ return(execute ~ '|' ~ ref('base').identifier) }}
{% endmacro %}
