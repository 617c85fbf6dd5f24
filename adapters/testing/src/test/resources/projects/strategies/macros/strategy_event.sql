{#- One version of one event as a portable select; loaded_at is fixed per load round. -#}
{% macro strategy_event(load_round, event_id, account, event_day, amount, status, flagged) -%}
  {%- set loaded_at = ['2024-02-01 08:00:00', '2024-02-02 08:30:00.250', '2024-02-03 09:15:30.125'][load_round - 1] -%}
select
    cast({{ load_round }} as {{ dbt.type_int() }}) as load_round,
    cast({{ event_id }} as {{ dbt.type_int() }}) as event_id,
    cast('{{ account }}' as {{ dbt.type_string() }}) as account,
    cast('{{ event_day }}' as date) as event_day,
    cast({{ amount }} as decimal(10, 2)) as amount,
    cast({{ "null" if status == "" else "'" ~ status ~ "'" }} as {{ dbt.type_string() }}) as status,
    {{ "true" if flagged else "false" }} as flagged,
    cast('{{ loaded_at }}' as {{ dbt.type_timestamp() }}) as loaded_at
{%- endmacro %}
