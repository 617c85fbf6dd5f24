{{ audit_helper.compare_relations(a_relation=ref('orders'), b_relation=ref('orders_changed'),
                                  exclude_columns=['created_at'], primary_key='id') }}
