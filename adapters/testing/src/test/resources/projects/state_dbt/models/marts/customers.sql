-- one customer per order, for now
select
    id as customer_id
from {{ ref('stg_orders') }}
