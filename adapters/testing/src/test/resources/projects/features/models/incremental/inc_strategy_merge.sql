{{ config(materialized='incremental', incremental_strategy='merge', unique_key='id') }}
{% if is_incremental() %}
select 2 as id, cast('merged' as varchar(20)) as val
union all
select 4 as id, cast('merged' as varchar(20)) as val
{% else %}
select 1 as id, cast('original' as varchar(20)) as val
union all
select 2 as id, cast('original' as varchar(20)) as val
{% endif %}
