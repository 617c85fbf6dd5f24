-- rows of b with no match in y
select b.id from {{ ref('b') }} b left join {{ ref('y') }} y on b.id = y.id where y.id is null
