{{ config(materialized='table') }}
-- comparison relation: {{ defer_relation }}
select id, amount, built_in, '{{ var("label") }}' as orders_built_in from {{ ref('stg_orders') }}
