{{ config(
    materialized='table',
    pre_hook="insert into {{ target.schema }}.audit_log (model_name, event) values ('{{ this.name }}', 'pre')",
    post_hook="insert into {{ target.schema }}.audit_log (model_name, event) values ('{{ this.name }}', 'post')"
) }}
select 1 as id
