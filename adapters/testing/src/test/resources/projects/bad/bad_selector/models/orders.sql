{{ config(tags=['daily']) }}
select * from {{ ref('stg_orders') }}
