{% set parts = [] %}
{% do parts.append('a') %}
{% do parts.append('b') %}
{% do parts.append('c') %}
{% set config_json = tojson({'k': 'v'}) %}
select
    '{{ parts | join("-") }}' as joined,
    {{ parts | length }} as part_count,
    '{{ fromjson(config_json)["k"] }}' as round_trip
