select id, {{ discount('amount') }} as amount from {{ ref('stg_orders') }}
