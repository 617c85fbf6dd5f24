select *
from {{ source('shop', 'ordrs') }}
