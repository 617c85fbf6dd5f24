{{ config(materialized='table') }}
select id, id * 10 as amount, no_such_column
from {{ ref('upstream') }}
