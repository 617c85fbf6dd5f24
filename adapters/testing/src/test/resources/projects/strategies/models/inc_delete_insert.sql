{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key='event_id') }}
-- the latest version of each event, as inc_merge
select load_round, event_id, account, event_day, amount, status, flagged, loaded_at
from {{ ref('events') }}
{% if is_incremental() %}
where loaded_at > (select max(loaded_at) from {{ this }})
{% endif %}
