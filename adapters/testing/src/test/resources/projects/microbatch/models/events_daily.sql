{{ config(begin=var('begin'), lookback=1) }}
select
    event_id,
    event_at,
    '{{ var("run_label") }}' as run_label,
    '{{ model.batch.id }}' as batch_id,
    '{{ "yes" if is_incremental() else "no" }}' as incr,
    (select count(*) from {{ ref('events').render() }}) as all_events
from {{ ref('events') }}
