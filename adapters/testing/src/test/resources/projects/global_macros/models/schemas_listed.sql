{%- set found = 'no' -%}
{%- if execute -%}
  {%- set names = dbt.list_schemas(target.database).columns[0].values() | map('lower') | list -%}
  {%- set found = 'yes' if (target.schema | lower) in names else 'no: ' ~ names | join(',') -%}
{%- endif %}
select '{{ found }}' as target_schema_listed
