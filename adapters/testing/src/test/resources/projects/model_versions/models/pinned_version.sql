select built_from from {{ ref('dim_customers', version='1') }}
