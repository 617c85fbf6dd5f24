{%- set i = dbt.type_int() -%}
{%- set s = dbt.type_string() -%}
select cast(1 as {{ i }}) as id, cast('placed' as {{ s }}) as status, cast(10 as {{ i }}) as amount, cast(2 as {{ i }}) as qty
union all
select cast(2 as {{ i }}), cast('shipped' as {{ s }}), cast(30 as {{ i }}), cast(0 as {{ i }})
union all
select cast(3 as {{ i }}), cast('placed' as {{ s }}), cast(45 as {{ i }}), cast(3 as {{ i }})
