select built_from from {{ ref('dim_customers', v=3) }}
