select 1 as id, 'ann' as name, 'two' as built_from
