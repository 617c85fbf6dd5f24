{% macro cents(col) %}cast({{ col }} * 100 as bigint){% endmacro %}
