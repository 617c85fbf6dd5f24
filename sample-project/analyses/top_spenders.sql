-- Compiled by `smelt compile`, never run: copy the SQL from target/compiled/.
SELECT
    user_id,
    SUM(total_revenue) AS revenue,
    SUM(session_count) AS sessions
FROM {{ ref('user_metrics_daily') }}
GROUP BY user_id
ORDER BY revenue DESC
LIMIT 10
