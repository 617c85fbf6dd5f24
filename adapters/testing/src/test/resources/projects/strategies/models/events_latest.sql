{{ config(materialized='view') }}
-- the latest version of each event
select load_round, event_id, account, event_day, amount, status, flagged, loaded_at
from (
    select e.*, row_number() over (partition by event_id order by loaded_at desc) as version_rank
    from {{ ref('events') }} as e
) as ranked
where version_rank = 1
