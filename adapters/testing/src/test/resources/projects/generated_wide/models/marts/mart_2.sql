select category, count(*) as n, sum(amount) as amount
from {{ ref('int_10') }}
group by category
