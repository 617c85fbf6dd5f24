select 1 as n
union all select 2 as n
union all select 3 as n
union all select 4 as n
union all select 5 as n
