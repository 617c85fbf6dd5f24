select p.order_id, c.name as customer_name, p.amount
from {{ ref('eph_paid_orders') }} p
join {{ ref('star_customers') }} c on c.customer_id = p.customer_id
