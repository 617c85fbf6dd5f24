-- one row; stored only with --store-failures
select id, grp
from {{ ref('people') }}
where grp = 'b'
