select 1 as id, 'gold' as tier, 'three' as built_from
