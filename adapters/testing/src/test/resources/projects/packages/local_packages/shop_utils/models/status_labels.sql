{{ config(pre_hook="{{ log_hook_event('pre-hook of ' ~ this.identifier) }}") }}
{%- set s = dbt.type_string() -%}
select cast('placed' as {{ s }}) as status, cast('Placed' as {{ s }}) as label
union all
select cast('shipped' as {{ s }}), cast('Shipped' as {{ s }})
