{{ config(dialect='spark') }}
-- Spark SQL: backticks, double-quoted strings, backslash escapes, STRING casts, CONCAT that is
-- NULL when an argument is, date_add/date_sub/datediff in days, timestampdiff, nvl, ISO 8601
-- timestamps.
SELECT
    `id`,
    CONCAT(first_name, ' ', last_name) AS full_name,
    CONCAT(CAST(id AS STRING), "-", CAST(event_day AS STRING)) AS label,
    'it\'s' AS escaped_quote,
    "back\\slash" AS escaped_backslash,
    date_add(event_day, 3) AS three_days_later,
    date_sub(event_day, 1) AS day_before,
    datediff(event_day, DATE '2024-01-01') AS days_since_new_year,
    nvl(last_name, 'unknown') AS last_name_or_unknown,
    TRY_CAST(ts_text AS TIMESTAMP) AS ts,
    timestampdiff(MONTH, DATE '2024-01-15', event_day) AS whole_months
FROM {{ ref('people') }}
