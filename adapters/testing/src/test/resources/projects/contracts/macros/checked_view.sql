{#- A custom materialization that asks for dbt's contract check before it creates a view. -#}
{% materialization checked_view, default %}
  {%- set target_relation = this.incorporate(type='view') -%}
  {{ get_assert_columns_equivalent(sql) }}
  {% call statement('main') -%}
    {{ create_view_as(target_relation, sql) }}
  {%- endcall %}
  {{ return({'relations': [target_relation]}) }}
{% endmaterialization %}
