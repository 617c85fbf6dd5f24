{{ config(begin=var('begin')) }}
select event_id, event_at, {{ strict_integer('payload') }} as amount
from {{ ref('events') }}
