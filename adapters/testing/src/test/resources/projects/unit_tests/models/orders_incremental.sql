{{ config(materialized='incremental') }}
select order_id, amount * {{ var('multiplier', 1) }} as amount
from {{ ref('orders') }}
{% if is_incremental() %}
where order_id > (select max(order_id) from {{ this }})
{% endif %}
