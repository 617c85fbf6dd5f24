{{ audit_helper.compare_row_counts(a_relation=ref('orders'), b_relation=ref('orders_changed')) }}
