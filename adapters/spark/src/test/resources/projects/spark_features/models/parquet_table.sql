{{ config(file_format='parquet', clustered_by='id', buckets=2, options={'compression': 'snappy'}, tblproperties={'smelt.test': 'parquet'}) }}
select id, {{ var('round', 1) }} as round{% if var('broken', false) %}, no_such_column{% endif %}
from values (1), (2) as t(id)
