{{ builtins.config(alias='order_count_total') }}
select
    (select count(*) from {{ ref('legacy_orders') }}) as n,
    (select count(*) from {{ builtins.source('app', 'orders') }}) as via_source,
    '{{ builtins.var('count_label', 'orders') }}' as label
