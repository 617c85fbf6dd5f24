select count(*) as n from {{ ref('features', 'base_numbers') }}
