{{ config(materialized='incremental', incremental_strategy='merge', unique_key='event_id',
          merge_update_columns=['status', 'loaded_at']) }}
-- a matched event takes the new status and loaded_at and keeps its first amount, flag and load_round
select load_round, event_id, account, event_day, amount, status, flagged, loaded_at
from {{ ref('events') }}
{% if is_incremental() %}
where loaded_at > (select max(loaded_at) from {{ this }})
{% endif %}
