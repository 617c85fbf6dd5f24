-- The source system stores cents; everything downstream works in dollars.
select
    id as payment_id,
    order_id,
    payment_method,
    cast(cast(amount as decimal(18, 2)) / 100 as decimal(18, 2)) as amount
from {{ ref('raw_payments') }}
