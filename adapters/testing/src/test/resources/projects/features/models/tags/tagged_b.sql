select 'b' as x
