{{ config(severity='error') }}
select * from {{ ref('orders') }} where status = 'returned'
