{{ config(store_failures=true, limit=1) }}
-- three rows, one kept
select id
from {{ ref('people') }}
where id <= 2
