{{ config(materialized='table') }}
select 1 as a, 2 as b, 3 as c
