#!/usr/bin/env bash
# Runs the integration-test projects of public dbt packages (each package's own `integration_tests/`
# folder), unmodified, on embedded DuckDB with this repository's Smelt, the way each package's CI
# runs them with dbt; prints a table per project (nodes, passed, failed, known differences) and
# every failing node that bench/package-integration.known does not explain.
#
# Usage: bench/package-integration.sh [--only NAME[,NAME]] [--install-only]
#   --only LIST      run only these projects (dbt_date, dbt_expectations, codegen, audit_helper,
#                    dbt_utils)
#   --install-only   clone the pinned tags and lay the projects out, print the folder, run nothing
#
# Environment:
#   SMELT_PACKAGE_MIRROR  a folder of local git mirrors to clone from instead of GitHub (looked up as
#                         in bench/real-packages.sh: <owner>+<name>/repo, <owner>+<name>, ...)
#   SMELT_PACKAGE_CACHE   where the clones and the runs go (default: ~/.cache/smelt/package-integration)
#
# Exit: 0 when every failing node is a known difference, 1 otherwise, 2 on a usage error.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=bench/lib.sh
source "$root/bench/lib.sh"
cache="${SMELT_PACKAGE_CACHE:-$HOME/.cache/smelt/package-integration}"
known_file="$root/bench/package-integration.known"

# project  owner/repository  tag  dependencies (name=owner/repository@tag, as the project's
# packages.yml ranges admit)
projects=(
    "dbt_date         godatadriven/dbt-date       0.21.0  -"
    "dbt_expectations metaplane/dbt-expectations  0.10.9  dbt_date=godatadriven/dbt-date@0.21.0"
    "codegen          dbt-labs/dbt-codegen        0.14.1  dbt_utils=dbt-labs/dbt-utils@1.4.1"
    "audit_helper     dbt-labs/dbt-audit-helper   0.12.2  dbt_utils=dbt-labs/dbt-utils@1.4.1"
    "dbt_utils        dbt-labs/dbt-utils          1.4.1   -"
)

# The commands each package's CI runs (tox.ini, run_test.sh, mise.toml), `dbt` replaced by smelt.
commands_of() {
    case "$1" in
        dbt_date|dbt_utils) echo "build --full-refresh" ;;
        dbt_expectations|audit_helper) echo "build" ;;
        codegen) printf '%s\n' "run-operation create_source_table" "seed --full-refresh" "run" "test" ;;
    esac
}

only=""
install_only=false
while [[ $# -gt 0 ]]; do
    case "$1" in
        --only) only="${2:?--only needs a list}"; shift ;;
        --install-only) install_only=true ;;
        -h|--help) sed -n '2,18p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "package-integration: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
    shift
done
command -v jq >/dev/null || { echo "package-integration: needs jq" >&2; exit 2; }


clone_of() {  # owner/name tag -> the folder of a clone at that tag (made once)
    local repo="$1" tag="$2" clone="$cache/clones/${1//\//+}-$2"
    if [[ ! -f "$clone/dbt_project.yml" ]]; then
        rm -rf "$clone"
        mkdir -p "$cache/clones"
        git -c advice.detachedHead=false clone -q --depth 1 --branch "$tag" "$(source_of "$repo")" "$clone" 2>/dev/null ||
            git -c advice.detachedHead=false clone -q --branch "$tag" "$(source_of "$repo")" "$clone" >&2
    fi
    echo "$clone"
}

# Lays out a fresh copy of a project's integration_tests with its packages in dbt_packages/ (as
# `dbt deps` would: the package under test from the folder above, its dependencies at their tags)
# and a DuckDB profile.
lay_out() {
    local name="$1" repo="$2" tag="$3" deps="$4" clone run profile
    clone="$(clone_of "$repo" "$tag")"
    run="$cache/runs/$name"
    rm -rf "$run"
    mkdir -p "$run"
    cp -R "$clone/integration_tests/." "$run/"
    rm -rf "$run/dbt_packages" "$run/target" "$run/package-lock.yml"
    mkdir -p "$run/dbt_packages"
    ln -s "$clone" "$run/dbt_packages/$name"
    if [[ "$deps" != "-" ]]; then
        local dep dep_name dep_repo dep_tag
        for dep in ${deps//,/ }; do
            dep_name="${dep%%=*}"; dep_repo="${dep#*=}"; dep_tag="${dep_repo#*@}"; dep_repo="${dep_repo%@*}"
            ln -s "$(clone_of "$dep_repo" "$dep_tag")" "$run/dbt_packages/$dep_name"
        done
    fi
    # The package's own packages.yml says `local: ../`; dbt_packages/ holds it already.
    printf 'packages: []\n' >"$run/packages.yml"
    profile="$(sed -n "s/^profile: *['\"]\{0,1\}\([A-Za-z0-9_]*\).*/\1/p" "$run/dbt_project.yml")"
    mkdir -p "$run/.profiles"
    cat >"$run/.profiles/profiles.yml" <<EOF
${profile:-integration_tests}:
  target: duckdb
  outputs:
    duckdb:
      type: duckdb
      path: target/integration.duckdb
      threads: 4
EOF
    echo "$run"
}

selected() { [[ -z "$only" || ",$only," == *",$1,"* ]]; }

mkdir -p "$cache"
report="$cache/report.tsv"   # project  unique_id  status  message
: >"$report"
declare -a rows=()
for entry in "${projects[@]}"; do
    read -r name repo tag deps <<<"$entry"
    selected "$name" || continue
    run="$(lay_out "$name" "$repo" "$tag" "$deps")"
    if $install_only; then
        echo "$name: $run"
        continue
    fi
    echo "== $name $tag ($run)"
    start=$(date +%s)
    step=0
    while IFS= read -r command; do
        step=$((step + 1))
        # shellcheck disable=SC2086
        (cd "$run" && "$root/smelt" $command --profiles-dir "$run/.profiles") >"$run/step-$step.log" 2>&1 && code=0 || code=$?
        echo "   smelt $command -> exit $code"
        if [[ -f "$run/target/run_results.json" ]]; then
            jq -r --arg p "$name" '.results[] | [$p, .unique_id, .status, ((.message // "") | gsub("[\t\n]"; " ") | .[0:300])] | @tsv' \
                "$run/target/run_results.json" >>"$report"
            rm -f "$run/target/run_results.json"
        elif [[ $code -ne 0 ]]; then
            printf '%s\t%s\t%s\t%s\n' "$name" "command:$command" "error" "$(grep -v '^$' "$run/step-$step.log" | head -3 | tr '\t\n' '  ' | cut -c1-300)" >>"$report"
        fi
    done < <(commands_of "$name")
    rows+=("$name $tag $(( $(date +%s) - start ))")
done
$install_only && exit 0

is_known() { [[ -f "$known_file" ]] && grep -q "^$1 $2 " "$known_file"; }

echo
printf '%-18s %-8s %6s %7s %7s %8s %6s %6s %8s\n' project tag nodes passed failed skipped warn known seconds
status=0
unexplained=()
for row in "${rows[@]}"; do
    read -r name tag secs <<<"$row"
    nodes=0 passed=0 failed=0 skipped=0 warned=0 known=0
    while IFS=$'\t' read -r project id st message; do
        [[ "$project" == "$name" ]] || continue
        nodes=$((nodes + 1))
        case "$st" in
            success|pass) passed=$((passed + 1)) ;;
            warn) warned=$((warned + 1)); passed=$((passed + 1)) ;;
            skipped) skipped=$((skipped + 1)) ;;  # after a failure listed on its own
            *)
                failed=$((failed + 1))
                if is_known "$name" "$id"; then
                    known=$((known + 1))
                else
                    unexplained+=("$name $id $st: $message")
                fi ;;
        esac
    done <"$report"
    printf '%-18s %-8s %6d %7d %7d %8d %6d %6d %8d\n' "$name" "$tag" "$nodes" "$passed" "$failed" "$skipped" "$warned" "$known" "$secs"
done
if [[ ${#unexplained[@]} -gt 0 ]]; then
    status=1
    echo
    echo "failing nodes that $known_file does not explain:"
    printf '  %s\n' "${unexplained[@]}"
fi
exit $status
