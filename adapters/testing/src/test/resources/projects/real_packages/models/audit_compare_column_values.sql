{{ audit_helper.compare_column_values(
    a_query="select id, amount from " ~ ref('orders'),
    b_query="select id, amount from " ~ ref('orders_changed'),
    primary_key='id', column_to_compare='amount', emojis=false) }}
