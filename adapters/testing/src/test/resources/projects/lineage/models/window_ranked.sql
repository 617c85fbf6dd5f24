select
    order_id,
    row_number() over (partition by customer_id order by ordered_at) as nth_order
from {{ ref('raw_orders') }}
