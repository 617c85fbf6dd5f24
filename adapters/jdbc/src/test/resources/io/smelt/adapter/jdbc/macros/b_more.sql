{% macro test__b() %}b{% endmacro %}
