#!/usr/bin/env bash
# Measures what the SQL check costs `smelt compile` on a generated project (docs/benchmarks.md):
# compile without the check, with it cold (no target/smelt_sql_check.json), and with it again when
# nothing changed (every analysis read from the cache). Each measure runs RUNS times (default 3);
# min and median are printed. Usage: bench/sql-check.sh [models]   (default 10000)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
models=${1:-10000}
runs=${RUNS:-3}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$root/smelt" --version >/dev/null   # builds Smelt first if needed, outside the timings
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), java $(java -version 2>&1 | head -1 | cut -d'"' -f2)"
. "$root/bench/lib.sh"

p="$work/p$models"
python3 "$root/bench/generate_project.py" "$p" --models "$models" >/dev/null

stats() {   # min and median of the numbers on stdin
    sort -n | awk '{v[NR]=$1} END {printf "min %6.2fs  median %6.2fs", v[1], v[int((NR+1)/2)]}'
}
measure() {   # measure LABEL PREPARE-COMMAND -- COMMAND...
    local label=$1 prepare=$2; shift 3
    for _ in $(seq "$runs"); do
        eval "$prepare"
        seconds "$@"; echo
    done | stats | sed "s/^/$(printf '%-34s' "$label")/"
    echo
}
"$root/smelt" compile --project-dir "$p" >/dev/null   # the first compile also warms the file cache
measure "compile --no-sql-check" ":" -- "$root/smelt" compile --project-dir "$p" --no-sql-check
measure "compile, check cold" "rm -f '$p/target/smelt_sql_check.json'" -- "$root/smelt" compile --project-dir "$p"
measure "compile, check cached" ":" -- "$root/smelt" compile --project-dir "$p"
"$root/smelt" compile --project-dir "$p" --debug 2>&1 | grep 'SQL check: [0-9]' || true
