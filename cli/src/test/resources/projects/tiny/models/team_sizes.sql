{{ config(materialized='table') }}

select team, count(*) as people
from {{ ref('stg_people') }}
group by team
