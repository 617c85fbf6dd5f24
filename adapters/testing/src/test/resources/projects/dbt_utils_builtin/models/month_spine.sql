{{ dbt_utils.date_spine('month', "cast('2023-01-01' as date)", "cast('2024-01-01' as date)") }}
