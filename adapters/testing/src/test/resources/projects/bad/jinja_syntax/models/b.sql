select *
from {{ ref('a') }}
{% if var('only_positive', true) %}
where id > 0
