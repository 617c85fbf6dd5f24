{{ config(
    materialized='rebuilt_table',
    label='weekly',
    pre_hook="create table if not exists {{ this.schema }}.hook_log as select 'pre' as event",
    post_hook="insert into {{ this }} (id, amount, label, full_refresh) values (99, 0, 'post', false)"
) }}
select 1 as id, 10 as amount
union all
select 2 as id, 20 as amount
