-- depends_on: {{ ref('union_left') }}, {{ ref('union_right') }}
{{ dbt_utils.union_relations(dbt_utils.get_relations_by_pattern(target.schema, 'union_%', exclude='unioned%')) }}
