{{ config(partition_by={"field": "k"}, properties={"format": "'PARQUET'", "format_version": 2}) }}
select 'a' as k, 1 as v
