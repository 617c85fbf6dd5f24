{% materialization rebuilt_table, default %}
  {%- set target_relation = api.Relation.create(database=this.database, schema=this.schema,
                                                identifier=this.identifier, type='table') -%}
  {%- set existing = adapter.get_relation(database=this.database, schema=this.schema, identifier=this.identifier) -%}
  {%- set temp_relation = make_temp_relation(target_relation) -%}
  {%- set label = config.get('label', default='none') -%}

  {{ run_hooks(pre_hooks) }}

  {% call statement('main') -%}
    create table {{ temp_relation }} as
    select source_rows.*, '{{ label }}' as label, {{ 'true' if should_full_refresh() else 'false' }} as full_refresh
    from ({{ sql }}) as source_rows
  {%- endcall %}

  {% if existing is not none %}
    {{ adapter.drop_relation(existing) }}
  {% endif %}
  {{ adapter.rename_relation(temp_relation, target_relation) }}

  {{ run_hooks(post_hooks) }}

  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
