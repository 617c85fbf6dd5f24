select * from {{ ref('ok_rows') }} where id <= 2
