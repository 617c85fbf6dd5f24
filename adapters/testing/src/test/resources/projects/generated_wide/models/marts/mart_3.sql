select category, count(*) as n, sum(amount) as amount
from {{ ref('int_12') }}
group by category
