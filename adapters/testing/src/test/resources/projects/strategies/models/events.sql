{{ config(materialized='table') }}
-- every version of every event loaded by round var('round'); see README.md
select load_round, event_id, account, event_day, amount, status, flagged, loaded_at
from (
    {{ strategy_event(1, 1, 'a', '2024-01-01', '10.00', 'new', false) }}
    union all {{ strategy_event(1, 2, 'a', '2024-01-02', '20.50', 'new', false) }}
    union all {{ strategy_event(1, 3, 'b', '2024-01-02', '30.25', 'new', true) }}
    union all {{ strategy_event(1, 4, 'b', '2024-01-03', '40.00', 'new', false) }}
    union all {{ strategy_event(1, 5, 'c', '2024-01-03', '55.55', 'new', false) }}
    union all {{ strategy_event(1, 6, 'c', '2024-01-03', '60.00', 'new', true) }}
    union all {{ strategy_event(2, 1, 'a', '2024-01-01', '11.00', 'shipped', false) }}
    union all {{ strategy_event(2, 5, 'c', '2024-01-03', '56.00', 'shipped', true) }}
    union all {{ strategy_event(2, 7, 'a', '2024-01-04', '70.00', 'new', false) }}
    union all {{ strategy_event(2, 8, 'b', '2024-01-04', '80.80', '', false) }}
    union all {{ strategy_event(2, 9, 'c', '2024-01-01', '90.00', 'new', true) }}
    union all {{ strategy_event(3, 2, 'a', '2024-01-02', '21.00', 'returned', false) }}
    union all {{ strategy_event(3, 7, 'a', '2024-01-04', '75.00', 'shipped', false) }}
    union all {{ strategy_event(3, 10, 'b', '2024-01-05', '100.00', 'new', false) }}
    union all {{ strategy_event(3, 11, 'c', '2024-01-02', '110.00', 'new', true) }}
) as loaded
where load_round <= {{ var('round') }}
