{{ config(tags=['nightly']) }}
select 'a' as x
