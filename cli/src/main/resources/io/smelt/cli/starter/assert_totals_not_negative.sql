-- A singular test: it fails when this query returns rows.
select *
from {{ ref('customer_totals') }}
where total_amount < 0
