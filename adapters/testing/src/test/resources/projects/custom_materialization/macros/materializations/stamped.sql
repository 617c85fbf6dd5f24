{% macro stamped_table(engine) %}
  {%- set target_relation = this.incorporate(type='table') -%}
  {%- set existing = load_relation(this) -%}
  {% if existing is not none %}
    {{ adapter.drop_relation(existing) }}
  {% endif %}
  {% call statement('main') -%}
    create table {{ target_relation }} as select model_rows.*, '{{ engine }}' as built_by from ({{ sql }}) as model_rows
  {%- endcall %}
  {{ return({'relations': [target_relation]}) }}
{% endmacro %}

{% materialization stamped, default %}
  {{ return(stamped_table('default')) }}
{% endmaterialization %}

{% materialization stamped, adapter='duckdb' %}
  {{ return(stamped_table('duckdb')) }}
{% endmaterialization %}

{% materialization stamped, adapter='trino' %}
  {{ return(stamped_table('trino')) }}
{% endmaterialization %}

{% materialization stamped, adapter='spark' %}
  {{ return(stamped_table('spark')) }}
{% endmaterialization %}
