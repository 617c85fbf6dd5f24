{% macro cents_to_dollars(column) %}
    ({{ column }} / 100.0)
{% endmacro %}

{% macro discount(column) %}
    ({{ column }} * 0.8)
{% endmacro %}
