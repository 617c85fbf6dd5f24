{{ config(on_table_exists='rename') }}
select {{ var('round', 1) }} as round{% if var('broken', false) %}, no_such_column{% endif %}
from (select 1 as one) as t
