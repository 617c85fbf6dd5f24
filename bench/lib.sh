# Helpers the bench scripts source.

seconds() {  # wall seconds of a command, its output discarded; on failure prints its output and exits
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; "$@" 2>&1 | tail -20 >&2; exit 1; }
    end=$(date +%s%N)
    awk -v ns=$((end - start)) 'BEGIN { printf "%.2f", ns / 1e9 }'
}

# owner/name -> a clone URL on GitHub, or the local git mirror of it under $SMELT_PACKAGE_MIRROR
# (looked up as <owner>+<name>/repo, <owner>+<name>, <owner>/<name>.git, <owner>/<name>, <name>)
source_of() {
    local repo="$1" mirror="${SMELT_PACKAGE_MIRROR:-}"
    if [[ -z "$mirror" ]]; then
        echo "https://github.com/$repo.git"
        return
    fi
    local owner="${repo%%/*}" name="${repo##*/}" candidate
    for candidate in "$mirror/$owner+$name/repo" "$mirror/$owner+$name" "$mirror/$repo.git" "$mirror/$repo" "$mirror/$name"; do
        if git --git-dir="$candidate" rev-parse --git-dir >/dev/null 2>&1 || [[ -d "$candidate/.git" ]]; then
            echo "$candidate"
            return
        fi
    done
    echo "$(basename "$0"): no mirror of $repo under $SMELT_PACKAGE_MIRROR" >&2
    exit 2
}
