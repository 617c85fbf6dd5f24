{% macro record_results(results) %}
create or replace table run_results_log (unique_id varchar, status varchar, failures integer,
    resource_type varchar, materialized varchar, dict_node_name varchar, dict_status varchar,
    timing varchar, has_time boolean);
{% for r in results %}
{% set d = r.to_dict() %}
insert into run_results_log values ('{{ r.node.unique_id }}', '{{ r.status }}',
    {{ 'null' if r.failures is none else r.failures }}, '{{ r.node.resource_type }}',
    '{{ r.node.config.materialized }}', '{{ d["node"]["name"] }}', '{{ d["status"] }}',
    '{% for t in r.timing %}{{ t.name }}:{{ t.to_dict()["started_at"] is string }}:{{ t.started_at.year > 2000 }}{% endfor %}',
    {{ r.execution_time >= 0 and r.node.to_dict()["unique_id"] == r.node.unique_id }});
{% endfor %}
create or replace table run_results_failed as
select '{% for r in results if r.status == 'fail' %}{{ r.node.name }}{% endfor %}' as names;
{% endmacro %}
