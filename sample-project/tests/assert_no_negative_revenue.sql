-- Refunds are not modelled yet, so revenue below zero means the typing went wrong.
SELECT
    date_user_id,
    total_revenue
FROM {{ ref('user_metrics_daily') }}
WHERE total_revenue < 0
