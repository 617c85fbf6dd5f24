select *
from {{ source('shopp', 'customers') }}
