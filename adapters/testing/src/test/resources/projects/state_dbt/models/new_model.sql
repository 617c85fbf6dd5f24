select * from {{ ref('changed') }}
