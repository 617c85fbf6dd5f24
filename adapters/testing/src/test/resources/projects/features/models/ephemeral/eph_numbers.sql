{{ config(materialized='ephemeral') }}
select n from {{ ref('base_numbers') }} where n > 2
