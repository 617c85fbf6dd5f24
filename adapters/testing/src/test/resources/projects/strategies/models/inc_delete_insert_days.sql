{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key='event_day') }}
-- inc_merge_keys by replacing whole days: what insert_overwrite does on Spark (inc_insert_overwrite)
-- depends_on: {{ ref('events') }}
select account, count(*) as events, sum(amount) as amount, max(loaded_at) as loaded_at, event_day
from {{ ref('events_latest') }}
{% if is_incremental() %}
where event_day in (select event_day from {{ ref('events') }} where loaded_at > (select max(loaded_at) from {{ this }}))
{% endif %}
group by account, event_day
