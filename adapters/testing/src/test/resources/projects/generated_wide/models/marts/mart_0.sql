select category, count(*) as n, sum(amount) as amount
from {{ ref('int_28') }}
group by category
