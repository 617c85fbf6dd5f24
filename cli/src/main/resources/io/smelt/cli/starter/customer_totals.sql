{{ config(materialized='table') }}

select
    customer,
    count(*) as orders,
    sum(amount) as total_amount
from {{ ref('stg_orders') }}
where status <> 'returned'
group by customer
