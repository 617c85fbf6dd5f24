select customer_id, email from {{ ref('customers') }}
