{{ config(dialect='postgres') }}
select 1 as id
