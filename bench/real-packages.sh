#!/usr/bin/env bash
# Runs the real dbt packages teams install (dbt_utils, dbt_date, dbt_expectations, audit_helper),
# unmodified, on Smelt's engines: clones the pinned release tags into a cache, lays them out as
# `dbt deps` would (dbt_packages/<name>), runs the opt-in contract test BaseRealPackagesContractTest
# on each chosen engine and prints a pass/fail table per package and engine.
#
# Usage: bench/real-packages.sh [--all | --engines duckdb,trino,spark] [--install-only]
#   --all            DuckDB, Trino and Spark (Trino and Spark start real test servers: minutes each)
#   --engines LIST   the engines to run, comma-separated (default: duckdb)
#   --install-only   clone and lay out the packages, print the folder, run nothing
#
# Environment:
#   SMELT_PACKAGE_MIRROR  a folder of local git mirrors to clone from instead of GitHub; a repository
#                         owner/name is looked up there as <owner>+<name>/repo, <owner>+<name>,
#                         <owner>/<name>.git, <owner>/<name> or <name>
#   SMELT_PACKAGE_CACHE   where the clones and the dbt_packages folder go
#                         (default: ~/.cache/smelt/real-packages)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
cache="${SMELT_PACKAGE_CACHE:-$HOME/.cache/smelt/real-packages}"

# name  owner/repository  tag: the latest release of each (dbt_expectations needs dbt_date,
# audit_helper needs dbt_utils; both ranges admit these versions)
packages=(
    "dbt_utils        dbt-labs/dbt-utils          1.4.1"
    "dbt_date         calogica/dbt-date           0.10.0"
    "dbt_expectations calogica/dbt-expectations   0.10.4"
    "audit_helper     dbt-labs/dbt-audit-helper   0.12.2"
)

engines="duckdb"
install_only=false
while [[ $# -gt 0 ]]; do
    case "$1" in
        --all) engines="duckdb,trino,spark" ;;
        --engines) engines="${2:?--engines needs a list}"; shift ;;
        --install-only) install_only=true ;;
        -h|--help) sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "real-packages: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done


install_dir="$cache/dbt_packages"
mkdir -p "$cache/clones" "$install_dir"
for entry in "${packages[@]}"; do
    read -r name repo tag <<<"$entry"
    clone="$cache/clones/$name-$tag"
    if [[ ! -f "$clone/dbt_project.yml" ]]; then
        rm -rf "$clone"
        git -c advice.detachedHead=false clone -q --depth 1 --branch "$tag" "$(source_of "$repo")" "$clone" 2>/dev/null ||
            git -c advice.detachedHead=false clone -q --branch "$tag" "$(source_of "$repo")" "$clone"
    fi
    rm -rf "${install_dir:?}/$name"
    ln -s "$clone" "$install_dir/$name"
done
echo "packages installed in $install_dir"
$install_only && exit 0

report="$cache/report.txt"
: >"$report"
status=0
for engine in ${engines//,/ }; do
    case "$engine" in
        duckdb) class=TestDuckDbRealPackages ;;
        trino) class=TestTrinoRealPackages ;;
        spark) class=TestSparkRealPackages ;;
        *) echo "real-packages: unknown engine $engine (duckdb, trino, spark)" >&2; exit 2 ;;
    esac
    echo "== $engine"
    log="$cache/$engine.log"
    start=$(date +%s)
    if (cd "$root" && SMELT_REAL_PACKAGES_DIR="$install_dir" SMELT_REAL_PACKAGES_REPORT="$report" \
            mvn -B -o -q verify -pl "adapters/$engine" -am -Dtest="$class" -Dsurefire.failIfNoSpecifiedTests=false) >"$log" 2>&1; then
        echo "   passed in $(( $(date +%s) - start ))s"
    else
        status=1
        echo "   FAILED in $(( $(date +%s) - start ))s (log: $log)"
    fi
done

# The test appends "engine package check ok|gap|FAIL" lines to the report.
echo
printf '%-26s' "package"
for engine in ${engines//,/ }; do printf '%-22s' "$engine"; done
echo
# "dbt" rows are dbt's global macros (dbt.dateadd, ...) that the packages dispatch to
for entry in "dbt - (global)" "${packages[@]}"; do
    read -r name _ tag <<<"$entry"
    printf '%-26s' "$name $tag"
    for engine in ${engines//,/ }; do
        total=$(awk -v e="$engine" -v p="$name" '$1 == e && $2 == p' "$report" | wc -l)
        ok=$(awk -v e="$engine" -v p="$name" '$1 == e && $2 == p && $4 == "ok"' "$report" | wc -l)
        gaps=$(awk -v e="$engine" -v p="$name" '$1 == e && $2 == p && $4 == "gap"' "$report" | wc -l)
        cell="pass $ok/$total"
        [[ "$gaps" -eq 0 ]] || cell="$cell, $gaps gap"
        [[ $((ok + gaps)) -eq "$total" ]] || cell="FAIL $ok/$total"
        [[ "$total" -ne 0 ]] || cell="not run"
        printf '%-22s' "$cell"
    done
    echo
done
grep ' gap$' "$report" | sed 's/^/  known gap (the engine lacks what the SQL needs; docs\/packages.md): /' || true
grep -v ' ok$\| gap$' "$report" | sed 's/^/  failed: /' || true
exit $status
