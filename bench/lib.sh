# Helpers the bench scripts source.

seconds() {  # wall seconds of a command, its output discarded; on failure prints its output and exits
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; "$@" 2>&1 | tail -20 >&2; exit 1; }
    end=$(date +%s%N)
    awk -v ns=$((end - start)) 'BEGIN { printf "%.2f", ns / 1e9 }'
}
