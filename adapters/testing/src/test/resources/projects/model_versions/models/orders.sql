select 10 as order_id, 'two' as built_from
