# Dataform's CLI for bench/speed.sh: installed from npm into the cache once, then run offline.
# Needs: $cache, $work. The versions are pinned so that figures from different days compare.
DATAFORM_CLI_VERSION=3.0.69
DATAFORM_CORE_VERSION=3.0.62
dataform_home="$cache/dataform-$DATAFORM_CLI_VERSION-core-$DATAFORM_CORE_VERSION"
dataform="$dataform_home/node_modules/.bin/dataform"

# dataform_ready INSTALL: returns 0 when Dataform can run (installing it first when INSTALL is
# "yes"); otherwise prints why not and returns 1.
dataform_ready() {
    if [[ -x $dataform && -d $dataform_home/node_modules/@dataform/core ]]; then
        return 0
    fi
    if [[ $1 != yes ]]; then
        echo "not installed in $dataform_home (a run without --quick installs it)"
        return 1
    fi
    if ! command -v npm >/dev/null || ! command -v node >/dev/null; then
        echo "node and npm are needed to install @dataform/cli"
        return 1
    fi
    echo "installing @dataform/cli@$DATAFORM_CLI_VERSION into $dataform_home" >&2
    mkdir -p "$dataform_home"
    if ! npm install --prefix "$dataform_home" --no-audit --no-fund --loglevel=error \
        "@dataform/cli@$DATAFORM_CLI_VERSION" "@dataform/core@$DATAFORM_CORE_VERSION" >"$work/npm.log" 2>&1; then
        echo "npm install failed: $(tail -1 "$work/npm.log")"
        rm -rf "$dataform_home"
        return 1
    fi
}

# dataform_offline DIR: lets the generated twin compile without the network. With
# dataformCoreVersion in workflow_settings.yaml, `dataform compile` copies the project and runs
# `npm i` on every compile; with a package.json it loads @dataform/core from the project's own
# node_modules (a symlink is refused by its sandbox, so the 1.3 MB package is copied).
dataform_offline() {
    printf '{ "dependencies": { "@dataform/core": "%s" } }\n' "$DATAFORM_CORE_VERSION" >"$1/package.json"
    mkdir -p "$1/node_modules/@dataform"
    cp -r "$dataform_home/node_modules/@dataform/core" "$1/node_modules/@dataform/"
}

# dataform_check JSON MODELS: fails unless the compiled graph has every model and both assertions
dataform_check() {
    python3 - "$1" "$2" <<'EOF'
import json, sys
graph = json.load(open(sys.argv[1]))
tables, assertions, n = len(graph.get("tables", [])), len(graph.get("assertions", [])), int(sys.argv[2])
if graph.get("graphErrors", {}).get("compilationErrors") or tables != n or assertions != 2 * n:
    sys.exit(f"dataform compiled {tables} tables and {assertions} assertions, expected {n} and {2 * n}")
EOF
}
