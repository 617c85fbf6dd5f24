{#- What adapter.get_relation (the relation cache) says of each name: 'name:type' or 'name:none'. -#}
{% macro seen(schema_name, names) -%}
  {%- set out = [] -%}
  {%- for name in names -%}
    {%- set found = adapter.get_relation(database=target.database, schema=schema_name, identifier=name) -%}
    {%- do out.append(name ~ ':' ~ (found.type if found is not none else 'none')) -%}
  {%- endfor -%}
  {{ return(out | join(' ')) }}
{%- endmacro %}

{#- Creates a table or view (kind), renames and drops it through adapter, and returns the cache's view after each step. -#}
{% macro relation_ops(schema_name, kind) %}
  {%- set t1 = api.Relation.create(database=target.database, schema=schema_name, identifier='t1') -%}
  {%- set t2 = api.Relation.create(database=target.database, schema=schema_name, identifier='t2') -%}
  {%- set steps = [] -%}
  {%- do adapter.create_schema(t1) -%}
  {%- do run_query('create ' ~ kind ~ ' ' ~ t1 ~ ' as select 1 as id') -%}
  {%- do steps.append(seen(schema_name, ['t1', 't2'])) -%}
  {%- do adapter.rename_relation(t1, t2) -%}
  {%- do steps.append(seen(schema_name, ['t1', 't2'])) -%}
  {#- t1 is gone: dropping it again runs nothing -#}
  {%- do adapter.drop_relation(t1) -%}
  {%- do adapter.drop_relation(t2) -%}
  {%- do steps.append(seen(schema_name, ['t1', 't2'])) -%}
  {{ return(steps | join(' | ')) }}
{% endmacro %}
