# Writes pr_gate/dbt-state/manifest.json: production's manifest as dbt-core 1.10 writes it (v12), for
# the fixture's files as committed. Where production lives (database, schema, relation_name) is filled
# in by the test from the engine's own build; here it is a placeholder.
import json, hashlib, pathlib, re
F = pathlib.Path(__file__).resolve().parent.parent
P = 'pr_gate'
CREATED = 1764000000.0
def sha(text): return hashlib.sha256(text.encode()).hexdigest()
DOCS = {'show': True, 'node_color': None}
PROJECT_UNRENDERED = {'materialized': 'table', 'meta': {'built_for': '{{ target.name }}', 'owner': "{{ env_var('GATE_OWNER', 'nobody') }}"}}
RENDERED_META = {'built_for': 'prod', 'owner': 'alice'}

def model_config(materialized):
    return {'enabled': True, 'alias': None, 'schema': None, 'database': None, 'tags': [], 'meta': RENDERED_META, 'group': None,
            'materialized': materialized, 'incremental_strategy': None, 'batch_size': None, 'lookback': 1, 'begin': None,
            'persist_docs': {}, 'post-hook': [], 'pre-hook': [], 'quoting': {}, 'column_types': {}, 'full_refresh': None,
            'unique_key': None, 'on_schema_change': 'ignore', 'on_configuration_change': 'apply', 'grants': {}, 'packages': [],
            'docs': DOCS, 'contract': {'enforced': False, 'alias_types': True}, 'event_time': None,
            'concurrent_batches': None, 'access': 'protected'}

def common(kind, name, path, original, fqn, raw, checksum, config, unrendered):
    return {'database': 'prod', 'schema': 'analytics', 'name': name, 'resource_type': kind, 'package_name': P,
            'path': path, 'original_file_path': original, 'unique_id': f'{kind}.{P}.{name}', 'fqn': fqn, 'alias': name,
            'checksum': checksum, 'config': config, 'tags': [], 'description': '', 'columns': {}, 'meta': {}, 'group': None,
            'docs': DOCS, 'patch_path': None, 'build_path': None, 'unrendered_config': unrendered, 'created_at': CREATED,
            'config_call_dict': {}, 'unrendered_config_call_dict': {}, 'relation_name': None, 'raw_code': raw, 'doc_blocks': []}

def compiled_fields(path, refs, macros, nodes):
    return {'language': 'sql', 'refs': [{'name': r, 'package': None, 'version': None} for r in refs], 'sources': [],
            'metrics': [], 'functions': [], 'depends_on': {'macros': macros, 'nodes': nodes},
            'compiled_path': f'target/compiled/{P}/{path}', 'compiled': True, 'compiled_code': None,
            'extra_ctes_injected': True, 'extra_ctes': [], 'contract': {'enforced': False, 'alias_types': True, 'checksum': None}}

nodes = {}
for seed in ['raw_orders', 'raw_customers']:
    csv = (F / f'seeds/{seed}.csv').read_text()
    n = common('seed', seed, f'{seed}.csv', f'seeds/{seed}.csv', [P, seed], '', {'name': 'sha256', 'checksum': sha(csv)},
               {'enabled': True, 'alias': None, 'schema': None, 'database': None, 'tags': [], 'meta': {}, 'group': None,
                'materialized': 'seed', 'persist_docs': {}, 'post-hook': [], 'pre-hook': [], 'quoting': {}, 'column_types': {},
                'full_refresh': None, 'unique_key': None, 'on_schema_change': 'ignore', 'grants': {}, 'packages': [],
                'docs': DOCS, 'contract': {'enforced': False, 'alias_types': True}, 'delimiter': ',', 'quote_columns': None},
               {})
    n.update({'root_path': None, 'depends_on': {'macros': []}})
    nodes[n['unique_id']] = n

REF = re.compile(r"ref\('([a-z_]+)'\)")
MACROS = {'orders': [f'macro.{P}.cents_to_dollars'], 'customer_names': [f'macro.{P}.display_name']}
for sql in sorted((F / 'models').glob('*.sql')):
    name = sql.stem
    raw = sql.read_text()
    refs = REF.findall(raw)
    parents = [f'seed.{P}.{r}' if r.startswith('raw_') else f'model.{P}.{r}' for r in refs]
    unrendered = dict(PROJECT_UNRENDERED)
    n = common('model', name, f'{name}.sql', f'models/{name}.sql', [P, name], raw, {'name': 'sha256', 'checksum': sha(raw)},
               model_config('table'), unrendered)
    if name == 'customer_count':
        n['patch_path'] = f'{P}://models/schema.yml'
    n.update(compiled_fields(f'models/{name}.sql', refs, MACROS.get(name, []), parents))
    n.update({'access': 'protected', 'constraints': [], 'version': None, 'latest_version': None, 'deprecation_date': None,
              'primary_key': [], 'time_spine': None})
    nodes[n['unique_id']] = n

def hashable(value):
    # dbt's get_hashable_md: mappings sorted by key, every scalar as str()
    if isinstance(value, dict):
        return {k: hashable(value[k]) for k in sorted(value)}
    if isinstance(value, list):
        return [hashable(v) for v in value]
    return str(value)

def generic_test(test, model, column, kind):
    name = f'{test}_{model}_{column}'
    kwargs = {'column_name': column, 'model': "{{ get_where_subquery(ref('%s')) }}" % model}
    test_hash = hashlib.md5((name + repr(hashable({'kwargs': kwargs, 'name': test, 'namespace': None}))).encode()).hexdigest()[-10:]
    raw = '{{ test_%s(**_dbt_generic_test_kwargs) }}' % test
    n = common('test', name, f'{name}.sql', 'models/schema.yml', [P, name], raw, {'name': 'none', 'checksum': ''},
               {'enabled': True, 'alias': None, 'schema': 'dbt_test__audit', 'database': None, 'tags': [], 'meta': {},
                'group': None, 'materialized': 'test', 'severity': 'ERROR', 'store_failures': None, 'store_failures_as': None,
                'where': None, 'limit': None, 'fail_calc': 'count(*)', 'warn_if': '!= 0', 'error_if': '!= 0'},
               {})
    n['schema'] = 'analytics_dbt_test__audit'
    n.update(compiled_fields(f'models/schema.yml/{name}.sql', [model], [f'macro.dbt.test_{test}', 'macro.dbt.get_where_subquery'],
                             [f'model.{P}.{model}']))
    n.update({'column_name': column, 'file_key_name': f'models.{model}', 'attached_node': f'model.{P}.{model}',
              'test_metadata': {'name': test, 'kwargs': kwargs,
                                'namespace': None}})
    n['unique_id'] = f'test.{P}.{name}.{test_hash}'
    nodes[n['unique_id']] = n
generic_test('not_null', 'orders', 'id', 'test')
generic_test('not_null', 'order_summary', 'customer_id', 'test')
generic_test('unique', 'stg_customers', 'id', 'test')

MACRO = re.compile(r'({%-? macro (\w+)\(.*?{%-? endmacro -?%})', re.S)
CALLS = re.compile(r'\b(\w+)\(')
macros = {}
for file in sorted((F / 'macros').glob('*.sql')):
    text = file.read_text()
    names = [m.group(2) for m in MACRO.finditer(text)]
    for m in MACRO.finditer(text):
        body, name = m.group(1), m.group(2)
        deps = sorted({f'macro.{P}.{c}' for c in CALLS.findall(body.split('%}', 1)[1]) if c in names and c != name})
        macros[f'macro.{P}.{name}'] = {'name': name, 'resource_type': 'macro', 'package_name': P, 'path': f'macros/{file.name}',
            'original_file_path': f'macros/{file.name}', 'unique_id': f'macro.{P}.{name}', 'macro_sql': body,
            'depends_on': {'macros': deps}, 'description': '', 'meta': {}, 'docs': DOCS, 'patch_path': None, 'arguments': [],
            'created_at': CREATED, 'supported_languages': None}

parent_map = {uid: n['depends_on'].get('nodes', []) for uid, n in nodes.items()}
child_map = {uid: sorted(c for c, ps in parent_map.items() if uid in ps) for uid in nodes}
manifest = {
    'metadata': {'dbt_schema_version': 'https://schemas.getdbt.com/dbt/manifest/v12.json', 'dbt_version': '1.10.8',
                 'generated_at': '2025-11-24T16:00:00.000000Z', 'invocation_id': '0b9f2c1e-5d2a-4c8e-9a57-1f3e6d8c2b40',
                 'invocation_started_at': '2025-11-24T15:59:58.000000Z', 'env': {}, 'project_name': P,
                 'project_id': hashlib.md5(P.encode()).hexdigest(), 'user_id': None, 'send_anonymous_usage_stats': False,
                 'adapter_type': 'duckdb', 'quoting': {'database': True, 'schema': True, 'identifier': True, 'column': None},
                 'run_started_at': '2025-11-24T15:59:58.000000Z'},
    'nodes': nodes, 'sources': {}, 'macros': macros, 'docs': {}, 'exposures': {}, 'metrics': {}, 'groups': {},
    'selectors': {}, 'disabled': {}, 'parent_map': parent_map, 'child_map': child_map, 'group_map': {},
    'saved_queries': {}, 'semantic_models': {}, 'unit_tests': {}, 'functions': {},
}
(F / 'dbt-state/manifest.json').write_text(json.dumps(manifest, indent=2) + '\n')
print(len(nodes), 'nodes', len(macros), 'macros', {k: v['depends_on'] for k, v in macros.items()})
