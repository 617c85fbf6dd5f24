select id, label from {{ ref('summary') }}
