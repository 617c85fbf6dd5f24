select
    {{ dbt.dateadd('day', 3, "date '2024-02-27'") }} as added,
    {{ dbt.datediff("timestamp '2024-01-31 23:59:00'", "timestamp '2024-02-01 00:01:00'", 'day') }} as days_between,
    {{ dbt.datediff("date '2023-12-31'", "date '2024-01-01'", 'year') }} as years_between,
    {{ dbt.hash("'abc'") }} as hashed,
    {{ dbt.safe_cast("'nope'", api.Column.translate_type('integer')) }} as not_a_number,
    {{ dbt.split_part("'a,b,c'", "','", 2) }} as second_part,
    {{ dbt.split_part("'a,b,c'", "','", -1) }} as last_part,
    {{ dbt.right("'abcdef'", 2) }} as right_two,
    cast('x' as {{ dbt.type_string() }}) as typed_string,
    cast(1.5 as {{ dbt.type_numeric() }}) as typed_numeric,
    {{ dbt.cast_bool_to_text('true') }} as bool_text,
    {{ dbt.current_timestamp() }} is not null as has_now
