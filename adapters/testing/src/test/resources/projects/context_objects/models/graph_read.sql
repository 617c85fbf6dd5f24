{% set n = graph.nodes.get('model.context_objects.numbers', {}) %}
{% set tests = graph.nodes.values() | selectattr('resource_type', 'equalto', 'test') | list %}
{% set t = tests[0] if tests else {} %}
{% set s = graph.sources.get('source.context_objects.raw.events', {}) %}
{% set keys = ['meta', 'refs', 'sources', 'depends_on', 'checksum', 'language', 'access', 'group', 'version',
               'contract', 'columns', 'unique_id', 'resource_type', 'package_name', 'name', 'alias', 'schema',
               'database', 'config', 'tags', 'original_file_path', 'path', 'fqn', 'raw_code'] %}
{% set missing = [] %}
{% for k in keys if k not in n %}{% do missing.append(k) %}{% endfor %}
{% do graph.setdefault('smelt_probe', {}) %}
select
  '{{ missing | join(",") }}' as missing_keys,
  '{{ n.get("meta", {}).get("owner") }}' as owner,
  '{{ n.get("meta", {}).get("tier") }}|{{ "from_yaml" in n.get("tags", []) }}|{{ s.get("meta", {}).get("team") }}' as yaml_meta_tags,
  '{{ n.get("columns", {}).get("id", {}).get("description") }}|{{ n.get("columns", {}).get("id", {}).get("data_type") }}' as id_column,
  '{{ n.get("checksum", {}).get("name") }}|{{ n.get("language") }}|{{ n.get("access") }}' as checksum_language_access,
  '{{ n.get("depends_on", {}).get("macros") is iterable }}|{{ n.get("contract", {}).get("enforced") }}' as macros_contract,
  '{{ t.get("test_metadata", {}).get("name") }}|{{ t.get("column_name") }}' as test_keys,
  '{{ "loader" in s and "meta" in s }}|{{ s.get("source_name") }}|{{ s.get("freshness", {}).get("warn_after", {}).get("count") }}' as source_keys,
  '{{ run_started_at.year > 2000 }}|{{ run_started_at.tzinfo is not none }}' as run_started,
  '{{ "smelt_probe" in graph }}|{{ (graph | tojson | length) > 100 }}|{{ (tojson(graph.nodes) | length) > 100 }}' as graph_dict
