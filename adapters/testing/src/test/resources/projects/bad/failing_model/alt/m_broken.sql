{# the SQL check would stop this before anything runs (exit 2); this fixture is about a model the engine refuses #}
{{ config(sql_check=false) }}
{{ config(materialized='table') }}
select id, id * 10 as amount, no_such_column
from {{ ref('upstream') }}
