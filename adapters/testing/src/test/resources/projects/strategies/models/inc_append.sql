{{ config(materialized='incremental', incremental_strategy='append') }}
-- every version as it is loaded
select load_round, event_id, account, event_day, amount, status, flagged, loaded_at
from {{ ref('events') }}
{% if is_incremental() %}
where loaded_at > (select max(loaded_at) from {{ this }})
{% endif %}
