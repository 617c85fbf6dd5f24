{{ config(materialized='view') }}
select id from {{ ref('orders') }}
