{% set columns = ['id', 'name'] %}
select
{% for column in columns %}
    {{ column }},
{% endfor %}
    team_idd
from {{ ref('people') }}
