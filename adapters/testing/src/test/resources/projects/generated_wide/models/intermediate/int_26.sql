{% set cols = ['id', 'amount', 'category', 'amount_cents'] %}
select {% for c in cols %}x.{{ c }}{% if not loop.last %}, {% endif %}{% endfor %}
from {{ ref('int_18') }} as x
where x.id in (select id from {{ ref('int_23') }})
