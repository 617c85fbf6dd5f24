{% macro default__greeting() -%}'hello from packages_app'{%- endmacro %}
