select
    {{ dbt.listagg('v', "'-'", 'order by v') }} as listed,
    {{ dbt.listagg('v', "'-'", 'order by v desc', 2) }} as listed_two,
    {{ dbt.any_value('v') }} is not null as has_any,
    {{ dbt.bool_or('v > 2') }} as any_above_two
from (values (1), (3), (2)) as t(v)
