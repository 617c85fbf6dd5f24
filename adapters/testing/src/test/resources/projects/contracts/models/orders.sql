select 'ann' as customer, 1 as id, cast(10.50 as decimal(10,2)) as amount
union all
select 'bob' as customer, 2 as id, cast(20.00 as decimal(10,2)) as amount
