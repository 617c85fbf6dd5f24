{{ config(dialect='duckdb') }}
-- DuckDB SQL: concat skips NULLs, '' inside strings, a backslash is just a character,
-- INTERVAL n DAY and INTERVAL 'n hours', ISO 8601 timestamps with a T, date_diff counting boundaries.
select
    "id",
    concat(first_name, ' ', last_name) as full_name,
    concat('#', id) as tag,
    'it''s' as escaped_quote,
    'back\slash' as backslash,
    cast(id as varchar) as id_text,
    try_cast(ts_text as timestamp) as ts,
    try_cast(ts_text as timestamp) + interval 2 day as two_days_later,
    try_cast(ts_text as timestamp) - interval '3 hours' as three_hours_earlier,
    date_diff('month', DATE '2024-01-15', event_day) as month_boundaries_crossed
from {{ ref('people') }}
