{{ config(materialized='checked_view') }}
select id from {{ ref('orders') }}
