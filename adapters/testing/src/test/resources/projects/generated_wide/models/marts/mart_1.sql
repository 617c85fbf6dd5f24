select category, count(*) as n, sum(amount) as amount
from {{ ref('int_26') }}
group by category
