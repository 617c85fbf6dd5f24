{% snapshot orders_timestamp %}
{{ config(target_schema=target.schema, unique_key='id', strategy='timestamp', updated_at='updated_at', hard_deletes='new_record') }}
select id, status, amount, updated_at from {{ ref('orders') }}
{% endsnapshot %}

{% snapshot orders_check %}
{{ config(unique_key=['id', 'region'], strategy='check', check_cols=['status', 'amount'], invalidate_hard_deletes=true,
          dbt_valid_to_current="cast('9999-12-31 00:00:00' as " ~ dbt.type_timestamp() ~ ")") }}
select * from {{ ref('orders') }}
-- a query may end in a comment: what wraps it must start on a new line
{% endsnapshot %}
