{% set relation = ref('three_cols') %}
{% if execute %}
    {% set names = column_names(relation) %}
{% else %}
    {% set names = [] %}
{% endif %}
select '{{ names | join(",") }}' as column_list
