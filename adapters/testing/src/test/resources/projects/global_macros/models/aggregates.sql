with letters as (
    select 'b' as letter
    union all select 'a'
    union all select 'c'
)
select
    {{ dbt.listagg('letter', "','", 'order by letter') }} as listed,
    {{ dbt.bool_or("letter = 'a'") }} as any_a,
    {{ dbt.any_value('letter') }} is not null as has_any,
    count(*) as letters
from letters
