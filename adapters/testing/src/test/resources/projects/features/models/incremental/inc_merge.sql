{{ config(materialized='incremental', unique_key=['id', 'part']) }}
{% if is_incremental() %}
select 1 as id, cast('a' as varchar(10)) as part, cast('updated' as varchar(20)) as val
union all
select 3 as id, cast('a' as varchar(10)) as part, cast('inserted' as varchar(20)) as val
{% else %}
select 1 as id, cast('a' as varchar(10)) as part, cast('original' as varchar(20)) as val
union all
select 1 as id, cast('b' as varchar(10)) as part, cast('original' as varchar(20)) as val
union all
select 2 as id, cast('a' as varchar(10)) as part, cast('original' as varchar(20)) as val
{% endif %}
