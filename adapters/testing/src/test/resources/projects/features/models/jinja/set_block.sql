{% set big_numbers %}
    n >= 4
{% endset %}
select count(*) as n_big
from {{ ref('base_numbers') }}
where {{ big_numbers }}
