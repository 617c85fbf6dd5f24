select id, name from {{ ref('people') }}
union all
select id from {{ ref('teams') }}
