{% set a = api.Relation.create(database='db1', schema='s1') %}
{% set b = api.Relation.create(identifier='t1') %}
{% set c = api.Relation.create(schema='s1', identifier='t1', type='table') %}
select
  '{{ a }}' as db_schema,
  '{{ b }}' as identifier_only,
  '{{ c }}|{{ c.type }}' as schema_identifier,
  '{{ c.include(schema=false) }}' as included,
  '{{ c.quote(identifier=false) }}' as quoted,
  '{{ c.incorporate(path={"identifier": "t2"}).render() }}' as incorporated
