{{ dbt_utils.union_relations(relations=[ref('orders'), ref('utils_surrogate_keys')], exclude=['created_at']) }}
