select id from {{ ref('a') }} where {{ var('fail_a', false) }}
