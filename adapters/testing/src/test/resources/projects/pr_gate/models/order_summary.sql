select customer_id, count(*) as n_orders from {{ ref('orders') }} group by customer_id
