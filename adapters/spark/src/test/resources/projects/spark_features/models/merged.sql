{{ config(materialized='incremental', incremental_strategy='merge', unique_key='id', merge_update_columns=['val'],
    cluster_by=['id']) }}
{% if is_incremental() %}
select id, val, note from values (2, 'new', 'y'), (3, 'new', 'y') as t(id, val, note)
{% else %}
select id, val, note from values (1, 'old', 'x'), (2, 'old', 'x') as t(id, val, note)
{% endif %}
