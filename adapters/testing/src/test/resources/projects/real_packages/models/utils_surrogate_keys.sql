select id, {{ dbt_utils.generate_surrogate_key(['id', 'customer_id']) }} as order_key
from {{ ref('orders_bad') }}
