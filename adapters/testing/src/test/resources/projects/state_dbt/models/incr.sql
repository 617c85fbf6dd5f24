{{ config(materialized='incremental') }}
select id, cast(id as {{ type_string() }}) as id_text from {{ ref('stg_orders') }}
{% if is_incremental() %}where id > (select max(id) from {{ this }}){% endif %}
