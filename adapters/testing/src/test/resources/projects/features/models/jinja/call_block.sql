{% call count_rows() %}
    select n from {{ ref('base_numbers') }} where n <= 3
{% endcall %}
