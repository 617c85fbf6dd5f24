{#- Returns a list, not text: callers can filter the result. -#}
{% macro first_letters(words) %}
    {% set letters = [] %}
    {% for w in words %}
        {% do letters.append(w[0]) %}
    {% endfor %}
    {{ return(letters) }}
{% endmacro %}
