-- DuckDB SQL (dialect from schema.yml) reading a Spark SQL ephemeral model.
select e.id, e.bang, e.x_last, concat(e.x_last, '?') as x_last_asked
from {{ ref('spark_ephemeral') }} as e
