{% macro double(x) %}
    {{ return(x * 2) }}
{% endmacro %}
