-- postal_code is typed varchar by column_types, so its leading zeros survive.
select postal_code
from {{ ref('postal_codes') }}
where city = 'Holtsville'
