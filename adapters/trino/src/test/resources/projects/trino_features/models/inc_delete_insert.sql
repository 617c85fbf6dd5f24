{{ config(materialized='incremental', incremental_strategy='delete+insert', unique_key='id') }}
{% if is_incremental() %}
select id, val from (values (2, 'new'), (2, 'new again'), (3, 'new'){% if var('broken', false) %}, (3000000000, 'does not fit the integer column'){% endif %}) as t(id, val)
{% else %}
select id, val from (values (1, 'old'), (2, 'old'), (2, 'old twice')) as t(id, val)
{% endif %}
