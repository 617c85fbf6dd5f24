{% macro schema_change_rows(scenario) %}
{%- set s = dbt.type_string() -%}
{%- set i = dbt.type_int() -%}
{%- set b = dbt.type_bigint() -%}
{%- if var('phase', 1) | int == 1 -%}
select cast(1 as {{ i }}) as id, cast('one' as {{ s }}) as label, cast('l1' as {{ s }}) as legacy, cast(10 as {{ i }}) as amount
union all
select cast(2 as {{ i }}), cast('two' as {{ s }}), cast('l2' as {{ s }}), cast(20 as {{ i }})
{%- elif scenario == 'add' -%}
select cast(2 as {{ i }}) as id, cast('two v2' as {{ s }}) as label, cast('l2 v2' as {{ s }}) as legacy, cast(21 as {{ i }}) as amount, cast('n2' as {{ s }}) as note
union all
select cast(3 as {{ i }}), cast('three' as {{ s }}), cast('l3' as {{ s }}), cast(31 as {{ i }}), cast('n3' as {{ s }})
{%- else -%}
select cast(2 as {{ i }}) as id, cast('two v2' as {{ s }}) as label, cast(3000000000 as {{ b }}) as amount
union all
select cast(3 as {{ i }}), cast('three' as {{ s }}), cast(3000000001 as {{ b }})
{%- endif -%}
{% endmacro %}
