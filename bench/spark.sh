#!/usr/bin/env bash
# Measures Smelt on Spark + Delta: seed loading and a generated project's build, against the local
# server of scripts/spark-server (started here on a free port, stopped at the end).
# Usage: bench/spark.sh [seed-rows] [models]   (defaults: 12000 rows per seed, 5 seeds; 50 models)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
seed_rows=${1:-12000}
models=${2:-50}
work=$(mktemp -d)
port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')

"$root/smelt" --version >/dev/null   # builds Smelt first if needed, outside the timings
"$root/scripts/spark-server" --port "$port" >"$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null; wait "$server" 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 240); do
    grep -q "Thrift server with Delta Lake on" "$work/server.log" && break
    kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
    sleep 1
done
echo "machine: $(nproc) cores; Spark server on 127.0.0.1:$port"

. "$root/bench/lib.sh"

python3 "$root/bench/generate_project.py" "$work/p" --models "$models" --seed-rows "$seed_rows" >/dev/null
cat >"$work/p/profiles.yml" <<EOF
bench:
  target: spark
  outputs:
    spark:
      type: spark
      host: 127.0.0.1
      port: $port
      schema: bench
      threads: 2
EOF
t=$(seconds "$root/smelt" seed --project-dir "$work/p")
printf 'seed    5 seeds x %d rows (%d rows) into Delta: %6.2fs\n' "$seed_rows" $((5 * seed_rows)) "$t"
t=$(seconds "$root/smelt" seed --project-dir "$work/p")
printf 'seed    again (each seed table replaced):      %6.2fs\n' "$t"
for threads in 1 2; do
    t=$(seconds "$root/smelt" build --project-dir "$work/p" --threads "$threads" --exclude "resource_type:seed")
    printf 'build   %d models + tests, %d threads:           %6.2fs\n' "$models" "$threads" "$t"
done
