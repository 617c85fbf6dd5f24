{{ config(alias='summary') }}
select count(*) as thing_count from {{ ref('stg_things') }}
