{{ dbt_date.get_date_dimension('2024-01-01', '2024-03-01') }}
