{{ config(materialized='table') }}
{%- set s = dbt.type_string() -%}
{%- set i = dbt.type_int() -%}
{%- set t = dbt.type_timestamp() -%}
{%- set round = var('round', 1) | int -%}
{%- set rows = [] -%}
{%- if round == 1 -%}
  {%- set rows = [(1, 'placed', 10, '2024-01-01'), (2, 'placed', 20, '2024-01-01'), (3, 'placed', 30, '2024-01-01')] -%}
{%- elif round == 2 -%}
  {%- set rows = [(1, 'shipped', 10, '2024-01-02'), (2, 'placed', 20, '2024-01-01'), (4, 'placed', 40, '2024-01-02')] -%}
{%- else -%}
  {%- set rows = [(1, 'shipped', 10, '2024-01-02'), (2, 'placed', 25, '2024-01-01'), (3, 'placed', 30, '2024-01-01'), (4, 'placed', 40, '2024-01-02')] -%}
{%- endif -%}
{%- if var('duplicate', false) -%}
  {%- do rows.append((1, 'returned', 10, '2024-01-03')) -%}
{%- endif -%}
{%- for row in rows %}
select cast({{ row[0] }} as {{ i }}) as id, cast('{{ row[1] }}' as {{ s }}) as status, cast({{ row[2] }} as {{ i }}) as amount,
    cast('{{ row[3] }} 00:00:00' as {{ t }}) as updated_at, cast('{{ row[0] }}' as {{ s }}) as region
{{ "union all" if not loop.last }}
{%- endfor %}
