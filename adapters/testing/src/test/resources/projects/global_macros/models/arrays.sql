{%- set one_two = dbt.array_construct([1, 2]) -%}
select
    case when {{ dbt.array_append(one_two, 3) }} = {{ dbt.array_construct([1, 2, 3]) }} then 'ok' else 'wrong' end as appended,
    case when {{ dbt.array_concat(one_two, dbt.array_construct([3, 4])) }} = {{ dbt.array_construct([1, 2, 3, 4]) }} then 'ok' else 'wrong' end as concatenated,
    case when {{ dbt.array_concat(dbt.array_construct([]), dbt.array_construct([5])) }} = {{ dbt.array_construct([5]) }} then 'ok' else 'wrong' end as from_empty
