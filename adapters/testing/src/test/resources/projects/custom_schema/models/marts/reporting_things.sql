{{ config(schema='reporting') }}
select thing_name from {{ ref('stg_things') }} where thing_id = 2
