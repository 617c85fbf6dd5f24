with keyed as (
    select {{ dbt.unique_key_fields(['a', 'b']) }} from (select 1 as a, 2 as b) as src
),
other as (
    select {{ dbt.unique_key_fields(['a', 'b']) }} from (select 1 as a, 2 as b) as src
)
select count(*) as matched
from keyed
join other on {{ dbt.unique_key_join_on(['a', 'b'], 'keyed', 'other') }}
where {{ dbt.unique_key_is_not_null(['a', 'b'], 'keyed') }}
