select
    '{{ dbt.partition_range('20240228,20240301') | join(",") }}' as partition_days,
    '{{ dbt.dates_in_range('20240101') | join(",") }}' as one_day,
    {{ dbt.py_current_timestring() | length }} as timestring_length
