select {{ adapter.quote('order') }} as order_name
from {{ ref('reserved_words') }}
where id = 2
