{{ config(materialized='incremental', incremental_strategy='merge', unique_key=['account', 'event_day']) }}
-- per account and day over the latest versions; a load recomputes every day it touches (late rows included)
-- depends_on: {{ ref('events') }}
select account, count(*) as events, sum(amount) as amount, max(loaded_at) as loaded_at, event_day
from {{ ref('events_latest') }}
{% if is_incremental() %}
where event_day in (select event_day from {{ ref('events') }} where loaded_at > (select max(loaded_at) from {{ this }}))
{% endif %}
group by account, event_day
