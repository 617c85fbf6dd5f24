{{ config(materialized='table') }}
select id, id * 10 as amount
from {{ ref('upstream') }}
