select 1 as id, 'ann' as name, 'one' as built_from
