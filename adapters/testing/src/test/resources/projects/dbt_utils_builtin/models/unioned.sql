{{ dbt_utils.union_relations([ref('union_left'), ref('union_right')]) }}
