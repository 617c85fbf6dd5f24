{% macro log_greeting(name='world') %}
  {% set result = run_query("select 'hello, " ~ name ~ "' as greeting") %}
  {% if execute %}{{ log(result.columns[0].values()[0], info=True) }}{% endif %}
  {{ return(result.columns[0].values()[0]) }}
{% endmacro %}
