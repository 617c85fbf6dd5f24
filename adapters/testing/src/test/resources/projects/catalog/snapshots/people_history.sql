{% snapshot people_history %}
{{ config(target_schema=target.schema, unique_key='id', strategy='check', check_cols=['city'],
          persist_docs={'relation': true, 'columns': true}) }}
select id, city from {{ ref('people_table') }}
{% endsnapshot %}
