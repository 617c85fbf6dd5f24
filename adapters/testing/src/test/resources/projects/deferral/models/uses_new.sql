{{ config(enabled=var('with_new')) }}
select n.id, n.new_built_in, o.built_in from {{ ref('new_model') }} n join {{ ref('stg_orders') }} o on n.id = o.id
