{{ config(store_failures=false) }}
-- one row; never stored, even with --store-failures
select id
from {{ ref('people') }}
where id = 2
