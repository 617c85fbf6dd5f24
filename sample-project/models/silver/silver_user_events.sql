-- Typed, cleaned and deduplicated events: one row per event_id.
WITH typed AS (
    SELECT
        TRY_CAST(event_id AS BIGINT) AS event_id,
        TRY_CAST(event_time AS TIMESTAMP) AS event_time,
        TRY_CAST(user_id AS INTEGER) AS user_id,
        NULLIF(TRIM(session_id), '') AS session_id,
        {{ clean_action('action') }} AS action,
        NULLIF(TRIM(amount), '') AS amount_text,
        TRY_CAST(amount AS DECIMAL(12, 2)) AS amount
    FROM {{ ref('bronze_user_events') }}
),

valid AS (
    SELECT *
    FROM typed
    WHERE event_id IS NOT NULL
        AND event_time IS NOT NULL
        AND user_id IS NOT NULL
        AND session_id IS NOT NULL
        AND action IN (SELECT action FROM {{ ref('actions') }})
        -- an amount that is present but does not parse ('n/a') makes the row unusable
        AND (amount_text IS NULL OR amount IS NOT NULL)
        AND event_time >= CAST('{{ var("min_event_date", "1970-01-01") }}' AS TIMESTAMP)
),

deduplicated AS (
    SELECT
        *,
        ROW_NUMBER() OVER (PARTITION BY event_id ORDER BY event_time) AS row_num
    FROM valid
)

SELECT
    event_id,
    event_time,
    CAST(event_time AS DATE) AS date,
    user_id,
    session_id,
    action,
    amount
FROM deduplicated
WHERE row_num = 1
