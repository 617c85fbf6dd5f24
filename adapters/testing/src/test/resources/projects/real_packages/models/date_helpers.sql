{%- set day = "cast('2024-01-10' as date)" -%}
select
    {{ dbt_date.day_name(day) }} as short_day,
    {{ dbt_date.day_name(day, short=false) }} as long_day,
    {{ dbt_date.month_name(day, short=false) }} as long_month,
    {{ dbt_date.day_of_week(day) }} as day_of_week,
    {{ dbt_date.day_of_year(day) }} as day_of_year,
    {{ dbt_date.date_part('month', day) }} as month_number,
    {{ dbt_date.week_start(day) }} as week_start,
    {{ dbt_date.week_end(day) }} as week_end,
    {{ dbt_date.iso_week_start(day) }} as iso_week_start,
    {{ dbt_date.iso_week_of_year(day) }} as iso_week,
    {{ dbt_date.n_days_ago(7, day) }} as week_ago,
    {{ dbt_date.n_days_away(3, day) }} as three_days_on,
    {{ dbt_date.periods_since(day, 'day') }} as days_since,
    {{ dbt_date.to_unixtimestamp("cast('2024-01-10 00:00:00' as " ~ dbt.type_timestamp() ~ ")") }} as unix_seconds,
    {{ dbt_date.convert_timezone("cast('2024-01-10 12:00:00' as " ~ dbt.type_timestamp() ~ ")", 'America/New_York', 'UTC') }} as new_york_time
