-- rows of a with no match in x
select a.id from {{ ref('a') }} a left join {{ ref('x') }} x on a.id = x.id where x.id is null
