{{ config(materialized='incremental', incremental_strategy='insert_overwrite', partition_by=['day']) }}
{% if is_incremental() %}
select id, val, day from values (3, 'c', 2), (4, 'd', 3) as t(id, val, day)
{% else %}
select id, val, day from values (1, 'a', 1), (2, 'b', 2), (5, 'e', 2) as t(id, val, day)
{% endif %}
