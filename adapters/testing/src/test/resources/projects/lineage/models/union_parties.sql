select customer_id as party_id, name as label from {{ ref('raw_customers') }}
union all
select order_id, status from {{ ref('raw_orders') }}
