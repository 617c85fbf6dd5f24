#!/usr/bin/env bash
# Issue 17's benchmark in one command (docs/benchmarks.md): generates the projects (and their
# Dataform twins), times each measure --runs times (min, median wall seconds and peak RSS, JVM start
# included) and prints a table of the measures, their targets, and whether each is met.
#
# Usage: bench/speed.sh [--sizes "1000 10000"] [--runs 5] [--quick]
#   --quick   a tiny run (20 models, 1 run, 20 views, a 10,000-row merge; Dataform only if cached)
# Environment:
#   SMELT_BENCH_CACHE  where @dataform/cli is installed (default ~/.cache/smelt-bench)
#   SMELT_CLASSPATH    run Smelt as `java -cp $SMELT_CLASSPATH io.smelt.cli.Main` (and the JDBC side
#                      on the same class path) instead of building ./smelt: how the cli tests run it
#   SMELT_BENCH_KEEP   set: keep the generated projects and databases (printed) to look into
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

sizes="1000 10000"
runs=5
quick=no
while (($#)); do
    case $1 in
        --sizes) sizes=$2; shift 2 ;;
        --runs) runs=$2; shift 2 ;;
        --quick) quick=yes; shift ;;
        -h | --help) sed -n '2,/^set /{/^#/s/^# \{0,1\}//p}' "$0"; exit 0 ;;
        *) echo "speed.sh: unknown argument $1 (see --help)" >&2; exit 2 ;;
    esac
done
views=1000
merge_rows=10000000
if [[ $quick == yes ]]; then
    sizes=20 runs=1 views=20 merge_rows=10000
fi
cache=${SMELT_BENCH_CACHE:-$HOME/.cache/smelt-bench}
work=$(mktemp -d)
if [[ -n ${SMELT_BENCH_KEEP:-} ]]; then
    echo "keeping the projects and databases in $work" >&2
else
    trap 'rm -rf "$work"' EXIT
fi

. "$root/bench/speed_lib.sh"
. "$root/bench/speed_dataform.sh"

# The launcher's JVM flags, on both sides of each comparison (but its archive of Smelt's classes)
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
jvm=("$java" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC)
if [[ -n ${SMELT_CLASSPATH:-} ]]; then
    classpath=$SMELT_CLASSPATH
    smelt=("${jvm[@]}" -cp "$classpath" io.smelt.cli.Main)
else
    "$root/smelt" --version >/dev/null   # builds Smelt first if needed, outside the timings
    classpath="$root/cli/target/lib/*"
    smelt=("$root/smelt")
    # DuckDB's native library as the launcher unpacked it, so neither side unpacks it at each start
    if [[ -d $root/cli/target/native ]]; then
        jvm+=(-Djava.library.path="$root/cli/target/native")
    fi
fi
# Compiled once: the source-file mode would add javac's time to every timed run of the JDBC side.
${JAVA_HOME:+$JAVA_HOME/bin/}javac -d "$work/jdbc" "$root/bench/JdbcViews.java"
jdbc=("${jvm[@]}" -cp "$work/jdbc:$classpath" JdbcViews)

echo "machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo)," \
    "java $("$java" -version 2>&1 | head -1 | cut -d'"' -f2), $(date -u '+%Y-%m-%d %H:%M UTC'), load:$(uptime | sed 's/.*load average://')"
echo "sizes: $sizes; runs: $runs" >&2

# A change each time, so that every edit is new to a cache of the previous run.
edits=0
edit_model() { echo "-- bench edit $((++edits))" >>"$p/models/staging/stg_0.sql"; }
edit_macro() {
    printf '{%% macro cents(col) %%}cast({{ col }} * 100 as bigint){# bench edit %s #}{%% endmacro %%}\n' \
        $((++edits)) >"$p/macros/cents.sql"
}
edit_schema() {
    sed -i -e '/^    description: "bench edit/d' \
        -e "s/^  - name: stg_0\$/  - name: stg_0\n    description: \"bench edit $((++edits))\"/" "$p/models/staging/schema.yml"
}

project_measures() {   # project_measures N
    local n=$1 s=- mb=- cmb=- c=- e=- one=- df_target=-
    p="$work/p$n"
    python3 "$root/bench/generate_project.py" "$p" --models "$n" --dataform "$work/df$n" >&2
    if ((n == 10000)); then s=1.5 mb=600 c=3 cmb=1024 e=0.3 one=0.5; fi
    if ((n == 1000 || n == 10000)); then df_target=20; fi
    local at="--project-dir $p"
    measure "parse$n" "cold parse, $n models" "$s" "$mb" "rm -rf '$p/target'" -- "${smelt[@]}" parse $at
    measure "nocheck$n" "cold compile --no-sql-check, $n models" - - "rm -rf '$p/target'" -- \
        "${smelt[@]}" compile $at --no-sql-check
    # the last cold compile leaves target/ warm for the edits
    measure "compile$n" "cold compile, $n models" "$c" "$cmb" "rm -rf '$p/target'" -- "${smelt[@]}" compile $at
    local kind
    for kind in model macro schema; do
        measure "parse-$kind$n" "parse after editing one $kind, $n models" "$e" - "edit_$kind" -- "${smelt[@]}" parse $at
        measure "compile-$kind$n" "compile after editing one $kind, $n models" "$e" - "edit_$kind" -- "${smelt[@]}" compile $at
    done
    "${smelt[@]}" seed $at >/dev/null   # stg_0 is a view over a seed
    measure "one-compile$n" "compile -s stg_0, $n models" "$one" - : -- "${smelt[@]}" compile $at -s stg_0
    measure "one-run$n" "run -s stg_0, $n models" "$one" - : -- "${smelt[@]}" run $at -s stg_0
    dataform_measure "$n"
    ratio "Dataform compile / Smelt compile, $n models" ">=" "$df_target" "dataform$n" "compile$n"
}

dataform_measure() {   # dataform_measure N: `dataform compile` of the twin, when Dataform can run
    local n=$1 why
    if ! why=$(dataform_ready "$([[ $quick == yes ]] && echo no || echo yes)"); then
        skipped "dataform compile, $n models" "$why"
        return 0
    fi
    dataform_offline "$work/df$n"
    measure "dataform$n" "dataform compile, $n models" - - : -- \
        sh -c "'$dataform' compile '$work/df$n' --json --timeout 60m >'$work/df$n.json'"
    if [[ -n ${med_of[dataform$n]:-} ]] && ! why=$(dataform_check "$work/df$n.json" "$n" 2>&1); then
        echo "dataform: $why" >&2
        unset "med_of[dataform$n]"
    fi
}

. "$root/bench/speed_engine.sh"

for n in $sizes; do
    project_measures "$n"
done
views_measures
merge_measures
print_table
exit "$failed"
