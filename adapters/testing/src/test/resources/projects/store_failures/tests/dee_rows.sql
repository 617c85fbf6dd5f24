{{ config(store_failures=true, schema='quality') }}
-- always one row: stored in <target schema>_quality
select id, name
from {{ ref('people') }}
where name = 'dee'
