#!/usr/bin/env bash
# Measures snapshots on embedded DuckDB: the first snapshot of a large source, a run where 10% of
# the rows changed, 1% left and 1% are new, and a run where nothing changed; for both strategies.
# Usage: bench/snapshot.sh [rows]   (default 1,000,000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rows=${1:-1000000}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$root/smelt" --version >/dev/null   # builds Smelt first if needed, outside the timings
. "$root/bench/lib.sh"

mkdir -p "$work/p/models" "$work/p/snapshots"
cat >"$work/p/dbt_project.yml" <<EOF
name: snapbench
profile: snapbench
EOF
cat >"$work/p/profiles.yml" <<EOF
snapbench:
  target: dev
  outputs:
    dev:
      type: duckdb
      path: $work/bench.duckdb
      schema: main
      threads: 2
EOF
# round 1: ids 1..rows; round 2: every 10th row changed (status, updated_at), every 100th gone, 1% new ids
cat >"$work/p/models/source_rows.sql" <<EOF
{{ config(materialized='table') }}
{% set n = $rows %}
{% if var('round', 1) == 1 %}
select i as id, 'placed' as status, i % 1000 as amount, timestamp '2024-01-01' as updated_at
from range(1, {{ n }} + 1) t(i)
{% else %}
select i as id, case when i % 10 = 0 then 'shipped' else 'placed' end as status, i % 1000 as amount,
    case when i % 10 = 0 then timestamp '2024-01-02' else timestamp '2024-01-01' end as updated_at
from range(1, {{ n }} + {{ n }} // 100 + 1) t(i)
where i % 100 <> 1
{% endif %}
EOF
cat >"$work/p/snapshots/snapshots.sql" <<'EOF'
{% snapshot by_timestamp %}
{{ config(unique_key='id', strategy='timestamp', updated_at='updated_at', hard_deletes='invalidate') }}
select * from {{ ref('source_rows') }}
{% endsnapshot %}

{% snapshot by_check %}
{{ config(unique_key='id', strategy='check', check_cols=['status', 'amount'], hard_deletes='invalidate') }}
select * from {{ ref('source_rows') }}
{% endsnapshot %}
EOF
echo "machine: $(nproc) cores; DuckDB; $rows source rows"
"$root/smelt" run --project-dir "$work/p" --vars '{round: 1}' >/dev/null
for snapshot in by_timestamp by_check; do
    t=$(seconds "$root/smelt" snapshot --project-dir "$work/p" -s "$snapshot" --vars '{round: 1}')
    printf 'snapshot %-12s first run (%d rows):                %6.2fs\n' "$snapshot" "$rows" "$t"
done
"$root/smelt" run --project-dir "$work/p" --vars '{round: 2}' >/dev/null
for snapshot in by_timestamp by_check; do
    t=$(seconds "$root/smelt" snapshot --project-dir "$work/p" -s "$snapshot" --vars '{round: 2}')
    printf 'snapshot %-12s 10%% changed, 1%% gone, 1%% new:         %6.2fs\n' "$snapshot" "$t"
    t=$(seconds "$root/smelt" snapshot --project-dir "$work/p" -s "$snapshot" --vars '{round: 2}')
    printf 'snapshot %-12s nothing changed:                      %6.2fs\n' "$snapshot" "$t"
done
"$root/smelt" show --project-dir "$work/p" --limit -1 --inline \
    "select count(*) as versions, count(*) filter (where dbt_valid_to is null) as current_versions from {{ ref('by_check') }}" \
    2>/dev/null | tail -3
