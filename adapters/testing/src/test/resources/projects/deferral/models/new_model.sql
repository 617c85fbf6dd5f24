{{ config(enabled=var('with_new')) }}
select id, '{{ var("label") }}' as new_built_in from {{ ref('raw_orders') }}
