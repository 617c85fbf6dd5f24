{{ config(materialized='view') }}

-- Sessions per day and how far they got down the funnel.
SELECT
    CAST(session_start AS DATE) AS date,
    COUNT(*) AS sessions,
    SUM(reached_cart) AS sessions_with_cart,
    SUM(purchased) AS sessions_with_purchase,
    SUM(converted) AS converting_sessions,
    ROUND(CAST(SUM(purchased) AS DOUBLE) / COUNT(*), 4) AS purchase_rate
FROM {{ ref('int_sessions') }}
GROUP BY 1
