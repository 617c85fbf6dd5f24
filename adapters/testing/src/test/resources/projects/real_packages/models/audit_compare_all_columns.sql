{{ audit_helper.compare_all_columns(a_relation=ref('orders'), b_relation=ref('orders_changed'), primary_key='id',
                                    exclude_columns=['created_at']) }}
