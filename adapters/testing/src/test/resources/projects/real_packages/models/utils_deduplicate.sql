{{ dbt_utils.deduplicate(relation=ref('orders_bad'), partition_by='id', order_by='amount desc') }}
