{{ config(materialized='incremental') }}
select id, city from {{ ref('people_table') }}
{% if is_incremental() %}where id > (select max(id) from {{ this }}){% endif %}
