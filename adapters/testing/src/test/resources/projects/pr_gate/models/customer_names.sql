select id, {{ display_name('name') }} as display from {{ ref('stg_customers') }}
