-- returns a row only when run with --vars '{break_it: true}'
{% if var('break_it', false) %}
select 1 as broken
{% else %}
select 1 as broken where 1 = 0
{% endif %}
