{% set leap_day = modules.datetime.date(2024, 2, 29) %}
select
    '{{ leap_day.strftime("%Y-%m-%d") }}' as leap_day,
    {{ leap_day.year }} as year_number
