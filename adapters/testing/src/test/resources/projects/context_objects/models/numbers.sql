select 1 as id, cast('2024-03-05' as date) as d, 'a' as label
union all
select 2 as id, cast('2024-03-06' as date) as d, 'b' as label
