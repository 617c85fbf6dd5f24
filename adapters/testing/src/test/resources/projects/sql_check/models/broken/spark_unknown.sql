{{ config(dialect='spark') }}
select `id`, `nmae` from {{ ref('people') }}
