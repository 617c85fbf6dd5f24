{{ config(materialized='stamped') }}
select 1 as id
