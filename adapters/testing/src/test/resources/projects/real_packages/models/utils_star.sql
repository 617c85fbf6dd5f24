select {{ dbt_utils.star(from=ref('orders'), except=['created_at', 'EMAIL'], prefix='o_') }}
from {{ ref('orders') }}
