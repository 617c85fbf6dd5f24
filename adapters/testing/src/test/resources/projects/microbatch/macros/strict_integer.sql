{#- A cast to integer that fails on text that is not a number, on every engine. -#}
{% macro strict_integer(column) %}
    {{ return(adapter.dispatch('strict_integer', 'microbatch')(column)) }}
{% endmacro %}

{% macro default__strict_integer(column) %}
    {{ return('cast(' ~ column ~ ' as integer)') }}
{% endmacro %}

{#- Spark without ANSI mode casts such text to null. -#}
{% macro spark__strict_integer(column) %}
    {{ return("case when " ~ column ~ " is not null and cast(" ~ column ~ " as int) is null"
        ~ " then raise_error(concat('not a number: ', " ~ column ~ ")) else cast(" ~ column ~ " as int) end") }}
{% endmacro %}
