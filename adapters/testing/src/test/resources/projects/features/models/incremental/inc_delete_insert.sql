{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key='id') }}
{% if is_incremental() %}
select 3 as id, cast('second' as varchar(20)) as run_label
union all
select 4 as id, cast('second' as varchar(20)) as run_label
{% else %}
select 1 as id, cast('first' as varchar(20)) as run_label
union all
select 2 as id, cast('first' as varchar(20)) as run_label
union all
select 3 as id, cast('first' as varchar(20)) as run_label
{% endif %}
