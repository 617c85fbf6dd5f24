select
    count(*) as items,
    sum(case when label like '%,%' then 1 else 0 end) as labels_with_comma
from {{ ref('semicolon_items') }}
