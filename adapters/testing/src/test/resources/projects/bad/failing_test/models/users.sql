select 1 as id, 'a@example.com' as email
union all select 2 as id, cast(null as varchar(50)) as email
union all select 3 as id, cast(null as varchar(50)) as email
union all select 4 as id, 'd@example.com' as email
union all select 5 as id, cast(null as varchar(50)) as email
