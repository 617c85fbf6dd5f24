select 10 as order_id, 'one' as built_from
