#!/usr/bin/env bash
# Measures Smelt on generated projects and prints the figures recorded in docs/benchmarks.md.
# Usage: bench/run.sh [parse-sizes] [build-size]   (defaults: "1000 10000" and 500)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
parse_sizes=${1:-"1000 10000"}
build_size=${2:-500}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"$root/smelt" --version >/dev/null   # builds Smelt first if needed, outside the timings
echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), java $(java -version 2>&1 | head -1 | cut -d'"' -f2)"

. "$root/bench/lib.sh"

for n in $parse_sizes; do
    python3 "$root/bench/generate_project.py" "$work/p$n" --models "$n" >/dev/null
    cold=$(seconds "$root/smelt" parse --project-dir "$work/p$n")
    warm=$(seconds "$root/smelt" parse --project-dir "$work/p$n")
    comp=$(seconds "$root/smelt" compile --project-dir "$work/p$n" --threads 4)
    printf 'parse   %6d models: %6.2fs (first), %6.2fs (again); compile with 4 threads: %6.2fs\n' "$n" "$cold" "$warm" "$comp"
done

python3 "$root/bench/generate_project.py" "$work/b$build_size" --models "$build_size" >/dev/null
for threads in 1 4; do
    rm -rf "$work/b$build_size/target"
    t=$(seconds "$root/smelt" build --project-dir "$work/b$build_size" --threads "$threads")
    printf 'build   %6d models on DuckDB, %d threads: %6.2fs\n' "$build_size" "$threads" "$t"
done
