select
    id as order_id,
    customer,
    {{ cents_to_dollars('amount_cents') }} as amount,
    status
from {{ ref('raw_orders') }}
