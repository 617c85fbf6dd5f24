{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key='event_id',
          incremental_predicates=["DBT_INTERNAL_DEST.event_day >= cast('2024-01-02' as date)"]) }}
-- as inc_merge_predicates: the delete never reaches a row of 2024-01-01, so a new version of such an event is inserted beside the old one
select load_round, event_id, account, event_day, amount, status, flagged, loaded_at
from {{ ref('events') }}
{% if is_incremental() %}
where loaded_at > (select max(loaded_at) from {{ this }})
{% endif %}
