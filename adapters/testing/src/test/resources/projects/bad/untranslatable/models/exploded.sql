{{ config(dialect='spark') }}
-- Spark's LATERAL VIEW has no translation: the model fails and names the line.
select
    b.id,
    n
from {{ ref('base') }} as b
lateral view explode(array(1, 2)) t as n
