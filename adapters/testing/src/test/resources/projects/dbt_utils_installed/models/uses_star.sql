select {{ dbt_utils.star(ref('base_rows')) }} as marker
from {{ ref('base_rows') }}
