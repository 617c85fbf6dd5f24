-- depends_on: {{ ref('base_numbers') }}
{%- set created = api.Relation.create(database=this.database, schema=this.schema, identifier='base_numbers') -%}
{%- set found = adapter.get_relation(database=this.database, schema=this.schema, identifier='base_numbers') -%}
{%- set matched = modules.re.match('^stg_(\w+)$', 'stg_orders') -%}
{%- set models = [] -%}
{%- for node in graph.nodes.values() if node.resource_type == 'model' -%}
  {%- do models.append(node.name) -%}
{%- endfor %}
select
    '{{ matched.group(1) }}' as regex_group,
    '{{ created.identifier }}' as created_identifier,
    {{ 'true' if found is not none and found.is_view else 'false' }} as found_view,
    {{ models | length }} as graph_models,
    (select count(*) from {{ builtins.ref('base_numbers') }}) as via_builtins
