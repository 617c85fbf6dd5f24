{{ config(materialized='ephemeral') }}

-- One row per session; inlined as a CTE into the models that use it.
SELECT
    e.session_id,
    e.user_id,
    MIN(e.event_time) AS session_start,
    MAX(e.event_time) AS session_end,
    COUNT(*) AS event_count,
    MAX(CASE WHEN e.action = 'add_to_cart' THEN 1 ELSE 0 END) AS reached_cart,
    MAX(CASE WHEN e.action = 'purchase' THEN 1 ELSE 0 END) AS purchased,
    MAX(CASE WHEN a.is_conversion THEN 1 ELSE 0 END) AS converted
FROM {{ ref('silver_user_events') }} AS e
JOIN {{ ref('actions') }} AS a
    ON e.action = a.action
GROUP BY e.session_id, e.user_id
