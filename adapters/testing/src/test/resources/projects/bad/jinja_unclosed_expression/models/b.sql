select *
from {{ ref('a')
where id > 0
