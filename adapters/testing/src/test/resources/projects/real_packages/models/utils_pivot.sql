select
    customer_id,
    {{ dbt_utils.pivot('status', dbt_utils.get_column_values(ref('orders'), 'status', order_by='status'), agg='sum',
                       then_value='amount', prefix='amount_') }}
from {{ ref('orders') }}
group by customer_id
