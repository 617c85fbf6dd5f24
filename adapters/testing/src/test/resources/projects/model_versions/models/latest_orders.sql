select built_from from {{ ref('orders') }}
