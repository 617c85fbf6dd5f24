{% macro test__a() %}a{% endmacro %}
