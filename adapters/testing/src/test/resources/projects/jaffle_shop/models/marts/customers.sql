with customers as (
    select * from {{ ref('stg_customers') }}
),

orders as (
    select * from {{ ref('stg_orders') }}
),

payments as (
    select * from {{ ref('stg_payments') }}
),

order_summary as (
    select
        customer_id,
        min(order_date) as first_order,
        max(order_date) as most_recent_order,
        count(order_id) as number_of_orders
    from orders
    group by customer_id
),

lifetime_value as (
    select
        orders.customer_id,
        sum(payments.amount) as customer_lifetime_value
    from payments
    join orders
        on payments.order_id = orders.order_id
    group by orders.customer_id
)

select
    customers.customer_id,
    customers.first_name,
    customers.last_name,
    order_summary.first_order,
    order_summary.most_recent_order,
    order_summary.number_of_orders,
    lifetime_value.customer_lifetime_value
from customers
left join order_summary
    on customers.customer_id = order_summary.customer_id
left join lifetime_value
    on customers.customer_id = lifetime_value.customer_id
