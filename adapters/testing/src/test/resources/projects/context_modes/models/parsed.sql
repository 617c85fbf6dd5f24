{% if not execute %}{{ config(tags=['seen_while_parsing']) }}{% endif %}
select '{{ execute }}' as executing
