{{ config(unique_key='id') }}
select id, {{ cents_to_dollars('amount') }} as amount from {{ ref('stg_orders') }}
