-- The raw export, unchanged: every column is still text.
SELECT
    event_id,
    event_time,
    user_id,
    session_id,
    action,
    amount
FROM {{ ref('raw_user_events') }}
