-- depends_on: {{ ref('orders_copy') }}, {{ ref('orders_changed') }}
{{ dbt_utils.union_relations(dbt_utils.get_relations_by_pattern(target.schema, 'orders_c%')) }}
