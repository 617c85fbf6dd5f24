select 1 as id, 'placed' as status, 100 as amount
