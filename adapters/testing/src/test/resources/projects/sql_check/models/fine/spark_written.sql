{{ config(dialect='spark') }}
-- written in Spark SQL and checked as such on every engine
select `id`, concat(name, "!") as shout from {{ ref('people') }}
