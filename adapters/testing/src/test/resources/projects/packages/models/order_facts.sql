select
    o.id,
    {{ shop_utils.order_key('o.status', 'o.id') }} as order_key,
    {{ shop_utils.safe_divide('o.amount', 'o.qty') }} as unit_amount,
    {{ shop_utils.engine_label() }} as engine_label,
    {{ shop_utils.greeting() }} as greeting,
    l.label
from {{ ref('orders') }} o
join {{ ref('status_labels') }} l on l.status = o.status
