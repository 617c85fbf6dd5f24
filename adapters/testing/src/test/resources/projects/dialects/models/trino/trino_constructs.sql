-- Trino SQL (dialect from dbt_project.yml): double-quoted names, '' inside strings, VARCHAR casts,
-- concat that is NULL when an argument is, date_diff counting whole units.
select
    "id",
    concat(first_name, ' ', last_name) as full_name,
    'it''s' as escaped_quote,
    'back\slash' as backslash,
    cast(id as varchar) as id_text,
    cast(ts_text as varchar) as ts_text,
    date_diff('month', DATE '2024-01-15', event_day) as whole_months
from {{ ref('people') }}
