select {{ dbt_utils.star(from=ref('ok_rows'), except=['note', 'SEEN_AT', 'event_day'], relation_alias='r', prefix='p_', suffix='_s') }}
from {{ ref('ok_rows') }} r
