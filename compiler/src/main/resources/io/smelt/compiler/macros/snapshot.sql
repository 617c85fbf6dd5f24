{#-
  Snapshots: the SQL of each step (the order of steps is the compiler's Materializer.snapshot).
  `cfg` is the checked config: strategy, unique_key (a list), updated_at, check_cols (a list, or none
  for all columns), hard_deletes, dbt_valid_to_current and columns (the meta columns' names).
-#}

{% macro snapshot_get_time() -%}{{ adapter.dispatch('snapshot_get_time', 'dbt')() }}{%- endmacro %}
{% macro default__snapshot_get_time() -%}{{ current_timestamp() }}{%- endmacro %}

{% macro snapshot_hash_arguments(args) -%}{{ adapter.dispatch('snapshot_hash_arguments', 'dbt')(args) }}{%- endmacro %}
{% macro default__snapshot_hash_arguments(args) -%}
  {%- set parts = [] -%}
  {%- for arg in args -%}
    {%- do parts.append("coalesce(cast(" ~ arg ~ " as " ~ type_string() ~ "), '')") -%}
  {%- endfor -%}
  {{ hash(parts | join(" || '|' || ")) }}
{%- endmacro %}

{#- When a version starts: the updated_at column, or the snapshot's time for check without one. -#}
{% macro snapshot_updated_at(cfg) -%}
  {%- if cfg.updated_at -%}{{ cfg.updated_at }}{%- else -%}{{ snapshot_get_time() }}{%- endif -%}
{%- endmacro %}

{#- dbt_valid_to of a current version: null typed like `typed`, or dbt_valid_to_current. -#}
{% macro snapshot_valid_to_current(cfg, typed) -%}
  {%- if cfg.dbt_valid_to_current -%}
    coalesce(nullif({{ typed }}, {{ typed }}), {{ cfg.dbt_valid_to_current }})
  {%- else -%}
    nullif({{ typed }}, {{ typed }})
  {%- endif -%}
{%- endmacro %}

{% macro snapshot_is_current(cfg, alias) -%}
  {%- set column = (alias ~ '.' if alias else '') ~ cfg.columns.dbt_valid_to -%}
  {%- if cfg.dbt_valid_to_current -%}
    ({{ column }} is null or {{ column }} = {{ cfg.dbt_valid_to_current }})
  {%- else -%}
    {{ column }} is null
  {%- endif -%}
{%- endmacro %}

{% macro snapshot_key_join(cfg, left, right) -%}
  {%- for key in cfg.unique_key -%}
    {{ left }}.dbt_unique_key_{{ loop.index }} = {{ right }}.dbt_unique_key_{{ loop.index }}{{ " and " if not loop.last }}
  {%- endfor -%}
{%- endmacro %}

{#- A source row differs from its current version: a later updated_at, or a checked column changed (null-safe). -#}
{% macro snapshot_row_changed(cfg, source_columns) -%}
  {%- if cfg.strategy == 'timestamp' -%}
    (snapshotted_data.{{ cfg.columns.dbt_valid_from }} < source_data.dbt_smelt_updated_at)
  {%- else -%}
    {%- set checked = [] -%}
    {%- if cfg.check_cols -%}
      {%- for column in cfg.check_cols -%}{%- do checked.append(column) -%}{%- endfor -%}
    {%- else -%}
      {%- for column in source_columns -%}{%- do checked.append(adapter.quote(column.name)) -%}{%- endfor -%}
    {%- endif -%}
    (
    {%- for name in checked %}
      snapshotted_data.{{ name }} <> source_data.{{ name }}
      or (snapshotted_data.{{ name }} is null) <> (source_data.{{ name }} is null){{ " or" if not loop.last }}
    {%- endfor %}
    )
  {%- endif -%}
{%- endmacro %}

{#- The first run: every source row is the current version of its key. -#}
{% macro build_snapshot_table(cfg, sql) -%}
  {{ adapter.dispatch('build_snapshot_table', 'dbt')(cfg, sql) }}
{%- endmacro %}

{% macro default__build_snapshot_table(cfg, sql) -%}
  {%- set cols = cfg.columns -%}
  {%- set updated_at = snapshot_updated_at(cfg) -%}
select *,
    {{ snapshot_hash_arguments(cfg.unique_key + [updated_at]) }} as {{ cols.dbt_scd_id }},
    {{ updated_at }} as {{ cols.dbt_updated_at }},
    {{ updated_at }} as {{ cols.dbt_valid_from }},
    {{ snapshot_valid_to_current(cfg, updated_at) }} as {{ cols.dbt_valid_to }}
  {%- if cfg.hard_deletes == 'new_record' %},
    'False' as {{ cols.dbt_is_deleted }}
  {%- endif %}
from (
{{ sql }}
) dbt_snapshot_source
{%- endmacro %}

{% macro snapshot_duplicate_keys_sql(source, keys) -%}
select {% for key in keys %}{{ key }}, {% endfor %}count(*) as dbt_smelt_rows
from {{ source }}
group by {% for key in keys %}{{ key }}{{ ", " if not loop.last }}{% endfor %}
having count(*) > 1
{%- endmacro %}

{#-
  A later run, as one MERGE: the source holds
  - 'insert' rows: a new version for each key that is new, changed, or back after a deletion;
  - 'update' rows: the current version of each changed key, closed where the new one starts;
  - 'delete' rows (hard_deletes invalidate/new_record): the current version of each key that left the source, closed now;
  - with new_record, an 'insert' row marking each such key deleted (dbt_is_deleted = 'True').
  Rows match on dbt_scd_id, so each version of the table matches at most one source row.
-#}
{% macro snapshot_merge_sql(target, source, cfg, source_columns, insert_columns) -%}
  {{ adapter.dispatch('snapshot_merge_sql', 'dbt')(target, source, cfg, source_columns, insert_columns) }}
{%- endmacro %}

{% macro default__snapshot_merge_sql(target, source, cfg, source_columns, insert_columns) -%}
  {%- set cols = cfg.columns -%}
  {%- set now = snapshot_get_time() -%}
  {%- set new_record = cfg.hard_deletes == 'new_record' -%}
  {%- set key_columns = [] -%}
  {%- for key in cfg.unique_key -%}{%- do key_columns.append('dbt_unique_key_' ~ loop.index) -%}{%- endfor -%}
  {%- set row_changed = snapshot_row_changed(cfg, source_columns) -%}
  {%- set staged = [cols.dbt_scd_id, cols.dbt_updated_at, cols.dbt_valid_from, cols.dbt_valid_to] + ([cols.dbt_is_deleted] if new_record else []) -%}
  {%- set staged_lower = (source_columns | map(attribute='name') | map('lower') | list) + (staged | map('lower') | list) -%}
merge into {{ target }} as DBT_INTERNAL_DEST
using (
    with snapshotted_data as (
        select *{% for key in cfg.unique_key %}, {{ key }} as dbt_unique_key_{{ loop.index }}{% endfor %}
        from {{ target }}
        where {{ snapshot_is_current(cfg, none) }}
    ),
    source_data as (
        select {% for column in source_columns %}{{ adapter.quote(column.name) }}, {% endfor -%}
        {% for key in cfg.unique_key %}{{ key }} as dbt_unique_key_{{ loop.index }}, {% endfor -%}
        {{ snapshot_updated_at(cfg) }} as dbt_smelt_updated_at
        from {{ source }}
    ),
    changed as (
        select source_data.*,
            snapshotted_data.{{ cols.dbt_scd_id }} as dbt_smelt_old_scd_id,
            case when snapshotted_data.dbt_unique_key_1 is not null and not {{ row_changed }}
                then {{ now }} else source_data.dbt_smelt_updated_at end as dbt_smelt_valid_from
        from source_data
        left join snapshotted_data on {{ snapshot_key_join(cfg, 'snapshotted_data', 'source_data') }}
        where snapshotted_data.dbt_unique_key_1 is null
            or {{ row_changed }}
  {%- if new_record %}
            or snapshotted_data.{{ cols.dbt_is_deleted }} = 'True'
  {%- endif %}
    ),
    gone as (
        select snapshotted_data.*
        from snapshotted_data
        left join source_data on {{ snapshot_key_join(cfg, 'snapshotted_data', 'source_data') }}
        where source_data.dbt_unique_key_1 is null
  {%- if new_record %}
            and coalesce(snapshotted_data.{{ cols.dbt_is_deleted }}, 'False') <> 'True'
  {%- endif %}
    )
    select 'insert' as dbt_change_type,
        {% for column in source_columns %}{{ adapter.quote(column.name) }}, {% endfor %}
        {{ snapshot_hash_arguments(key_columns + ['dbt_smelt_valid_from']) }} as {{ cols.dbt_scd_id }},
        dbt_smelt_updated_at as {{ cols.dbt_updated_at }},
        dbt_smelt_valid_from as {{ cols.dbt_valid_from }},
        {{ snapshot_valid_to_current(cfg, 'dbt_smelt_valid_from') }} as {{ cols.dbt_valid_to }}
  {%- if new_record %},
        'False' as {{ cols.dbt_is_deleted }}
  {%- endif %}
    from changed
    union all
    select 'update', {% for column in source_columns %}null, {% endfor %}dbt_smelt_old_scd_id, null, null, dbt_smelt_valid_from
        {%- if new_record %}, null{% endif %}
    from changed
    where dbt_smelt_old_scd_id is not null
  {%- if cfg.hard_deletes != 'ignore' %}
    union all
    select 'delete', {% for column in source_columns %}null, {% endfor %}{{ cols.dbt_scd_id }}, null, null, {{ now }}
        {%- if new_record %}, null{% endif %}
    from gone
  {%- endif %}
  {%- if new_record %}
    union all
    select 'insert', {% for column in source_columns %}{{ adapter.quote(column.name) }}, {% endfor %}
        {{ snapshot_hash_arguments(key_columns + [now]) }}, {{ now }}, {{ now }}, {{ snapshot_valid_to_current(cfg, now) }}, 'True'
    from gone
  {%- endif %}
) as DBT_INTERNAL_SOURCE
on DBT_INTERNAL_SOURCE.{{ cols.dbt_scd_id }} = DBT_INTERNAL_DEST.{{ cols.dbt_scd_id }}
when matched and DBT_INTERNAL_SOURCE.dbt_change_type in ('update', 'delete') and {{ snapshot_is_current(cfg, 'DBT_INTERNAL_DEST') }}
    then update set {{ cols.dbt_valid_to }} = DBT_INTERNAL_SOURCE.{{ cols.dbt_valid_to }}
when not matched and DBT_INTERNAL_SOURCE.dbt_change_type = 'insert'
    then insert ({% for column in insert_columns %}{{ adapter.quote(column) }}{{ ", " if not loop.last }}{% endfor %})
    values ({% for column in insert_columns %}{% if column | lower in staged_lower %}DBT_INTERNAL_SOURCE.{{ adapter.quote(column) }}{% else %}null{% endif %}{{ ", " if not loop.last }}{% endfor %})
{%- endmacro %}
