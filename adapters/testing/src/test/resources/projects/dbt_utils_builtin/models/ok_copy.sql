select * from {{ ref('ok_rows') }}
