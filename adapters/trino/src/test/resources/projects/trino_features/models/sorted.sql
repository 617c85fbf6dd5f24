{{ config(materialized='incremental', unique_key='id', partition_by='k', sorted_by=['id', 'v DESC']) }}
select 1 as id, 'a' as k, 10 as v
