select id, amount, '{{ var("label") }}' as built_in from {{ ref('raw_orders') }}
