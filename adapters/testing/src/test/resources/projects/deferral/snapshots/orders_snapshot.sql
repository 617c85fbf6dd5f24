{% snapshot orders_snapshot %}
{{ config(unique_key='id', strategy='check', check_cols=['amount']) }}
select id, amount, built_in from {{ ref('stg_orders') }}
{% endsnapshot %}
