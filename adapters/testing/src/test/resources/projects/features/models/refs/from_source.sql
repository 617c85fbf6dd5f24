-- depends_on: {{ ref('raw_events') }}
select count(*) as clicks
from {{ source('raw', 'events') }}
where kind = 'click'
