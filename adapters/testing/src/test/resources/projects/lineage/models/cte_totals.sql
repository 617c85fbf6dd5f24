with per_customer as (
    select customer_id, sum(amount) as total
    from {{ ref('raw_orders') }}
    group by customer_id
)
select customer_id as id, total * 2 as doubled
from per_customer
