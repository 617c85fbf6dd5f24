{{ config(materialized='incremental', unique_key='id') }}
select id, amount, built_in from {{ ref('stg_orders') }}
{% if is_incremental() %}
where id > (select max(id) from {{ this }})
{% endif %}
