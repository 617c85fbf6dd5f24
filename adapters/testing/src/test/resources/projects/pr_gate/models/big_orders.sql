select id from {{ ref('stg_orders') }} where amount_cents >= {{ var('big_order_cents') }}
