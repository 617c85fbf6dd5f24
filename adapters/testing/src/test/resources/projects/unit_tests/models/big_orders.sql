select order_id, amount, {{ unit_tests.big_amount() }} as threshold
from {{ ref('orders') }}
where amount >= {{ unit_tests.big_amount() }}
