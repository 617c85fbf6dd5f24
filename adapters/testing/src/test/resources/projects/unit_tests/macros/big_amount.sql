{% macro big_amount() %}100{% endmacro %}
