{% macro features_greeting() %}
    {{ return(adapter.dispatch('features_greeting', 'features')()) }}
{% endmacro %}

{% macro default__features_greeting() %}
    {{ return('default') }}
{% endmacro %}

{% macro duckdb__features_greeting() %}
    {{ return('duckdb') }}
{% endmacro %}
