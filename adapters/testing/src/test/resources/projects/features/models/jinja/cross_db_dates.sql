{# dbt.dateadd and dbt.datediff through each engine's override: a day back, and boundaries crossed #}
select
    case when cast({{ dbt.dateadd('day', -2, "cast('2024-03-01' as date)") }} as date) = cast('2024-02-28' as date)
        then 1 else 0 end as two_days_back,
    {{ dbt.datediff("cast('2024-01-31' as date)", "cast('2024-03-01' as date)", 'month') }} as months_crossed,
    {{ dbt.datediff("cast('2024-01-01 23:00:00' as timestamp)", "cast('2024-01-02 01:00:00' as timestamp)", 'day') }} as days_crossed
