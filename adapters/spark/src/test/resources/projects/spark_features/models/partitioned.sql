{{ config(
    partition_by={"field": "day", "data_type": "date"},
    zorder_by="id",
    tblproperties={"smelt.test": "yes"}
) }}
select id, cast(day as date) as day, {{ var('round', 1) }} as round
from values (1, '2024-03-01'), (2, '2024-03-01'), (3, '2024-03-02') as t(id, day)
