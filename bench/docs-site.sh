#!/usr/bin/env bash
# The docs site at 10,000 models (issue 18): generates bench/generate_project.py's project (10k models,
# 20k tests), runs `smelt docs generate` on it, then times the site in headless Chromium with the network
# off (bench/DocsSiteBench.java): first page, search, lineage click and column click, medians of RUNS runs
# after one warm-up, against the targets (first page under 1 s, a lineage click under 100 ms).
#
# Usage: bench/docs-site.sh [MODELS (default 10000)] [RUNS (default 5)]
# Needs /usr/bin/chromium and /usr/bin/chromedriver (apt-get install chromium chromium-driver).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
models=${1:-10000}
runs=${2:-5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)," \
    "chromium $(/usr/bin/chromium --version 2>/dev/null | awk '{print $2}'), $(date -u '+%Y-%m-%d %H:%M UTC'), load:$(uptime | sed 's/.*load average://')"

"$root/smelt" --version >/dev/null   # builds Smelt first if needed, outside the timings
python3 "$root/bench/generate_project.py" "$work/p" --models "$models" >&2
start=$(date +%s.%N)
(cd "$work/p" && "$root/smelt" docs generate >"$work/generate.log" 2>&1) || { cat "$work/generate.log"; exit 1; }
end=$(date +%s.%N)
printf 'smelt docs generate, %s models: %.1f s\n' "$models" "$(echo "$end - $start" | bc)"
index=$(du -b "$work/p/target/index.html" | cut -f1)
assets=$(du -sb "$work/p/target/smelt-docs" | cut -f1)
first=$(du -b "$work/p/target/smelt-docs/index.js" | cut -f1)
manifest=$(du -b "$work/p/target/manifest.json" | cut -f1)
printf 'site: %.1f MB in all (%.1f MB the first page loads: index.js and the script), manifest.json %.1f MB\n' \
    "$(echo "($index + $assets) / 1000000" | bc -l)" \
    "$(echo "($first + $(du -b "$work/p/target/smelt-docs/docs.js" | cut -f1)) / 1000000" | bc -l)" \
    "$(echo "$manifest / 1000000" | bc -l)"

# Selenium from the cli module's test classpath (Maven's local repository; nothing is downloaded)
(cd "$root" && mvn -B -o -q dependency:build-classpath -pl cli -Dmdep.includeScope=test -Dmdep.outputFile="$work/cp.txt" >&2)
classpath=$(tr ':' '\n' <"$work/cp.txt" | grep -E 'selenium|opentelemetry|guava|failureaccess|jspecify|byte-buddy|commons-exec|auto-service' | paste -sd:)
"${JAVA_HOME:+$JAVA_HOME/bin/}javac" -nowarn -cp "$classpath" -d "$work/bench" "$root/bench/DocsSiteBench.java"

# a model deep in the graph: a late intermediate model, whose parents are models too
model="model.bench.int_$((models * 8 / 10 - 1))"
"${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$work/bench:$classpath" DocsSiteBench "$work/p/target/index.html" "$runs" "$model" "int_77" \
    >"$work/times.tsv"

printf '%-24s %8s %8s  %s\n' measure median target runs
while IFS=$'\t' read -r name median all; do
    case $name in
        "first page") target=1000 ;;
        "lineage click") target=100 ;;
        *) target=- ;;
    esac
    verdict=""
    if [[ $target != - ]]; then
        verdict=$( ((median < target)) && echo "ok" || echo "OVER")
    fi
    printf '%-24s %6s ms %5s ms  %s %s\n' "$name" "$median" "$target" "$all" "$verdict"
done <"$work/times.tsv"
