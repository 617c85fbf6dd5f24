select p.id, q.team_name
from {{ ref('people') }} as p
