-- Returns a row (and so fails) unless 1 + 2 + 3 + 4 + 5 = 15.
select total
from (select sum(n) as total from {{ ref('base_numbers') }}) as sums
where total <> 15
