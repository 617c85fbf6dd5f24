{% macro column_names(relation) %}
    {% set columns = adapter.get_columns_in_relation(relation) %}
    {{ return(columns | map(attribute='name') | map('lower') | list) }}
{% endmacro %}
