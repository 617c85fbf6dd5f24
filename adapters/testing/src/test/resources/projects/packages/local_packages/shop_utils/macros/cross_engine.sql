{% macro safe_divide(numerator, denominator) -%}
    {{ return(adapter.dispatch('safe_divide', 'shop_utils')(numerator, denominator)) }}
{%- endmacro %}

{% macro default__safe_divide(numerator, denominator) -%}
    ({{ numerator }} / nullif({{ denominator }}, 0))
{%- endmacro %}

{% macro order_key(status_column, id_column) -%}
    {{ return(adapter.dispatch('order_key', 'shop_utils')(status_column, id_column)) }}
{%- endmacro %}

{% macro default__order_key(status_column, id_column) -%}
    {{ dbt.concat(["cast(" ~ status_column ~ " as " ~ dbt.type_string() ~ ")", "'-'",
                   "cast(" ~ id_column ~ " as " ~ dbt.type_string() ~ ")"]) }}
{%- endmacro %}

{% macro engine_label() -%}
    {{ return(adapter.dispatch('engine_label', 'shop_utils')()) }}
{%- endmacro %}

{% macro default__engine_label() -%}'default'{%- endmacro %}

{# the one engine override: Trino #}
{% macro trino__engine_label() -%}'trino'{%- endmacro %}

{% macro greeting() -%}
    {{ return(adapter.dispatch('greeting', 'shop_utils')()) }}
{%- endmacro %}

{% macro default__greeting() -%}'hello from shop_utils'{%- endmacro %}
