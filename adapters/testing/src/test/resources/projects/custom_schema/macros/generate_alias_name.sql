{#- Prefix every relation with a_ unless the model sets an alias. -#}
{% macro generate_alias_name(custom_alias_name=none, node=none) -%}
    {%- if custom_alias_name -%}
        {{ custom_alias_name | trim }}
    {%- else -%}
        a_{{ node.name }}
    {%- endif -%}
{%- endmacro %}
