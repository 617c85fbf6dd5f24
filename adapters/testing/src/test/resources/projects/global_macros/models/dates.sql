select
    {{ dbt.date(2024, 2, 29) }} as leap_day,
    cast({{ dbt.dateadd('day', 1, "cast('2024-01-31' as date)") }} as date) as day_after,
    {{ dbt.datediff("cast('2024-01-15' as date)", "cast('2024-03-01' as date)", 'month') }} as months_between,
    cast({{ dbt.date_trunc('month', "cast('2024-02-15' as date)") }} as date) as month_start,
    {{ dbt.last_day("cast('2024-02-10' as date)", 'month') }} as month_end,
    case when {{ dbt.current_timestamp_backcompat() }} is not null then 'now' end as backcompat,
    case when {{ dbt.current_timestamp_in_utc_backcompat() }} is not null then 'now' end as backcompat_utc,
    case when {{ dbt.current_timestamp() }} is not null then 'now' end as current_now
