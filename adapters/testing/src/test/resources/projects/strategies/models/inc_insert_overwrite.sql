{{ config(materialized='incremental', incremental_strategy='insert_overwrite', partition_by='event_day') }}
-- inc_delete_insert_days by insert_overwrite: each load replaces the days it touches (Spark's dynamic
-- partition overwrite; delete+insert by event_day on DuckDB and Trino)
-- depends_on: {{ ref('events') }}
select account, count(*) as events, sum(amount) as amount, max(loaded_at) as loaded_at, event_day
from {{ ref('events_latest') }}
{% if is_incremental() %}
where event_day in (select event_day from {{ ref('events') }} where loaded_at > (select max(loaded_at) from {{ this }}))
{% endif %}
group by account, event_day
