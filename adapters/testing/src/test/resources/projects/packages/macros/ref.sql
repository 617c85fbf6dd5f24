{#- A project-wide ref() that renames a retired model, as projects write it: it overrides dbt's ref
    for every node and reaches the real one through builtins. -#}
{% macro ref(model_name) -%}
    {%- set renamed = {'legacy_orders': 'orders'} -%}
    {{ return(builtins.ref(renamed.get(model_name, model_name))) }}
{%- endmacro %}
