select id, amount, category, {{ cents('amount') }} as amount_cents
from {{ ref('raw_4') }}
