{#- A contracted model's table on Spark: the declared columns with not null (Delta checks it), the
    table clauses, each check constraint added with alter table (Delta checks those on every later
    write, so they go in before the rows), then the rows. -#}
{% macro spark__get_table_columns_and_constraints() -%}
(
  {%- for key in model['columns'] %}
    {%- set col = model['columns'][key] %}
    {{ adapter.quote(col['name']) if col.get('quote') else col['name'] }} {{ col['data_type'] }}
    {%- for c in col['constraints'] %}
      {%- if c['type'] == 'not_null' %} not null{% elif c['type'] == 'custom' and c['expression'] %} {{ c['expression'] }}{% endif %}
    {%- endfor %}
    {{- "," if not loop.last }}
  {%- endfor %}
)
{%- endmacro %}

{#- Each check constraint of the model and its columns as {name, expression}; a check without a name
    is named after its column or model and its place, as Delta needs a name. -#}
{% macro spark__contract_checks() -%}
  {%- set checks = [] -%}
  {%- for key in model['columns'] -%}
    {%- set col = model['columns'][key] -%}
    {%- for c in col['constraints'] -%}
      {%- if c['type'] == 'check' and c['expression'] -%}
        {%- do checks.append({'name': c['name'] or (col['name'] ~ '_check_' ~ loop.index), 'expression': c['expression']}) -%}
      {%- endif -%}
    {%- endfor -%}
  {%- endfor -%}
  {%- for c in model['constraints'] -%}
    {%- if c['type'] == 'check' and c['expression'] -%}
      {%- do checks.append({'name': c['name'] or (model['name'] ~ '_check_' ~ loop.index), 'expression': c['expression']}) -%}
    {%- endif -%}
  {%- endfor -%}
  {{ return(checks) }}
{%- endmacro %}

{% macro spark__create_contracted_table(relation, sql) -%}
create table {{ relation }} {{ get_table_columns_and_constraints() }}{{ spark__table_clauses(relation) }};
  {%- for check in spark__contract_checks() %}
alter table {{ relation }} add constraint {{ check['name'] }} check ({{ check['expression'] }});
  {%- endfor %}
insert into {{ relation }}
{{ get_select_subquery(sql) }}
{{- spark__optimize(relation) }}
{%- endmacro %}
