{{
config(
materialized='incremental',
dialect='spark',
unique_key='date_user_id',
partition_by={
"field": "date",
"data_type": "date"
}
)
}}
WITH source AS (
SELECT * FROM {{ ref('silver_user_events') }}
{% if is_incremental() %}
-- Events arrive late: each run recomputes the last days in full (var late_event_days, 2 by
-- default) and unique_key replaces their rows, so a late event within that window counts.
WHERE date >= (SELECT {{ dbt.dateadd('day', -var('late_event_days', 2), 'MAX(date)') }} FROM {{ this }})
{% endif %}
)
SELECT
date,
user_id,
CONCAT(CAST(date AS STRING), '_', CAST(user_id AS STRING)) AS date_user_id,
COUNT(*) AS event_count,
SUM(CASE WHEN action = 'purchase' THEN amount ELSE 0 END) AS total_revenue,
COUNT(DISTINCT session_id) AS session_count
FROM source
GROUP BY 1, 2
