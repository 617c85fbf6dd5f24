select id, {{ dbt_utils.generate_surrogate_key(['id', 'maybe_null']) }} as sk
from {{ ref('ok_rows') }}
