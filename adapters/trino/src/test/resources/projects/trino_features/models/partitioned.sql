{{ config(
    partition_by={"field": "d", "data_type": "date", "granularity": "month"},
    properties={"format": "ORC", "sorted_by": ["id"]}
) }}
select 1 as id, date '2024-01-15' as d
