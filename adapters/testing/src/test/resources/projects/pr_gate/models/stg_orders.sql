select id, customer_id, amount_cents from {{ ref('raw_orders') }}
