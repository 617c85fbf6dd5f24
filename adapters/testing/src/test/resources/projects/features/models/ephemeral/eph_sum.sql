{{ config(materialized='table') }}
select sum(n) as total from {{ ref('eph_numbers') }}
