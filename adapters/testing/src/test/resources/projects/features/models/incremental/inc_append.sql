{{ config(materialized='incremental', incremental_strategy='append') }}
{% if is_incremental() %}
select max(id) + 1 as id from {{ this }}
{% else %}
select 1 as id
union all
select 2 as id
{% endif %}
