{{ config(materialized='view') }}

select
    id,
    nmae
from {{ ref('people') }}
