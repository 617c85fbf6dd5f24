# Measuring helpers of bench/speed.sh: each measure runs $runs times and adds one row to the table.
# Needs: $runs, $work (a scratch folder). Rows go to $work/rows; a failed command sets $failed.

declare -A med_of min_of
failed=0

# min, median and the largest of the numbers on stdin, one a line
stats() {
    sort -n | awk '{ v[NR] = $1 } END { printf "%s %s %s", v[1], v[int((NR + 1) / 2)], v[NR] }'
}

# row MEASURE TARGET MIN MEDIAN RSS MET
row() {
    printf '| %s | %s | %s | %s | %s | %s |\n' "$@" >>"$work/rows"
}

# met VALUE OP LIMIT: "met" when VALUE OP LIMIT holds (OP is <= or >=), else "not met"
met() {
    awk -v v="$1" -v op="$2" -v l="$3" 'BEGIN { ok = (op == "<=") ? v <= l : v >= l; print ok ? "met" : "not met" }'
}

# measure KEY MEASURE TARGET_S TARGET_MB PREPARE -- COMMAND...
# Runs PREPARE (shell code, not timed) and then COMMAND, $runs times, each under /usr/bin/time;
# records min and median wall seconds and the peak RSS. TARGET_S / TARGET_MB of "-": no target.
measure() {
    local key=$1 name=$2 target_s=$3 target_mb=$4 prepare=$5 i wall kb walls="" peak=0
    shift 6
    for ((i = 1; i <= runs; i++)); do
        eval "$prepare"
        if ! timed "$@"; then
            echo "failed: $name: $*" >&2
            tail -20 "$work/out" >&2
            failed=1
            row "$name" "$(target_text "$target_s" "$target_mb")" FAILED FAILED - "not met"
            return 0
        fi
        read -r wall kb <"$work/time"
        walls+="$wall"$'\n'
        ((kb > peak)) && peak=$kb
    done
    local lo mid hi verdict=-
    read -r lo mid hi <<<"$(printf '%s' "$walls" | stats)"
    min_of[$key]=$lo
    med_of[$key]=$mid
    local mb=$(((peak + 1023) / 1024))
    if [[ $target_s != - ]]; then
        verdict=$(met "$mid" "<=" "$target_s")
        if [[ $target_mb != - && $(met "$mb" "<=" "$target_mb") != met ]]; then
            verdict="not met"
        fi
    fi
    row "$name" "$(target_text "$target_s" "$target_mb")" "${lo} s" "${mid} s" "${mb} MB" "$verdict"
    printf '  %-52s min %6s s  median %6s s  peak %5s MB\n' "$name" "$lo" "$mid" "$mb" >&2
}

# timed COMMAND...: runs COMMAND (its output in $work/out) and writes "SECONDS PEAK_RSS_KB" to
# $work/time; without GNU time the RSS is 0
timed() {
    if [[ -x /usr/bin/time ]]; then
        /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/out" 2>&1
        return
    fi
    local start status=0
    start=$(date +%s%N)
    "$@" >"$work/out" 2>&1 || status=$?
    awk -v ns=$(($(date +%s%N) - start)) 'BEGIN { printf "%.2f 0\n", ns / 1e9 }' >"$work/time"
    return "$status"
}

target_text() {
    local text=-
    [[ $1 != - ]] && text="<= $1 s"
    [[ $2 != - ]] && text+=", <= $2 MB"
    echo "$text"
}

# ratio MEASURE OP TARGET KEY_A KEY_B: the row of A's times divided by B's (min by min, median by
# median); TARGET "-" for none. Missing keys (a skipped or failed side) give a row saying so.
ratio() {
    local name=$1 op=$2 target=$3 a=$4 b=$5
    local target_text=- verdict=-
    [[ $target != - ]] && target_text="$op ${target}x"
    if [[ -z ${med_of[$a]:-} || -z ${med_of[$b]:-} ]]; then
        row "$name" "$target_text" "skipped" "skipped" - -
        return 0
    fi
    local lo mid
    lo=$(awk -v x="${min_of[$a]}" -v y="${min_of[$b]}" 'BEGIN { printf "%.2f", (y > 0 ? x / y : 0) }')
    mid=$(awk -v x="${med_of[$a]}" -v y="${med_of[$b]}" 'BEGIN { printf "%.2f", (y > 0 ? x / y : 0) }')
    [[ $target != - ]] && verdict=$(met "$mid" "$op" "$target")
    row "$name" "$target_text" "${lo}x" "${mid}x" - "$verdict"
    printf '  %-52s min %6sx median %6sx\n' "$name" "$lo" "$mid" >&2
}

# skipped MEASURE REASON: a row for a measure that could not run here (no failure)
skipped() {
    row "$1" - skipped skipped - "$2"
    echo "  $1: skipped: $2" >&2
}

print_table() {
    echo
    echo "| measure | target | min | median | peak RSS | met |"
    echo "| --- | --- | --- | --- | --- | --- |"
    cat "$work/rows"
}
