{{ config(location_root=var('location_root', none)) }}
select 1 as id
