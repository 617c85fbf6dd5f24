#!/usr/bin/env python3
"""Compares two target/ folders' manifest.json and run_results.json, ignoring what changes on every run
(times, ids, absolute paths), so a refactoring can show that it left the artifacts unchanged.

Run both builds in the same folder (paths are compared as they are):

    ./smelt build --project-dir sample-project && cp -r sample-project/target /tmp/before
    ... change the code ...
    ./smelt build --project-dir sample-project && bench/artifact-diff.py /tmp/before sample-project/target
"""
import difflib
import json
import sys

VOLATILE = {"generated_at", "invocation_id", "invocation_started_at", "created_at", "started_at",
            "completed_at", "run_started_at", "execution_time", "elapsed_time", "timing", "thread_id", "adapter_response"}


def normalize(value):
    if isinstance(value, dict):
        return {k: normalize(v) for k, v in value.items() if k not in VOLATILE}
    if isinstance(value, list):
        return [normalize(v) for v in value]
    return value


def load(folder, name):
    with open(f"{folder}/{name}") as f:
        data = json.load(f)
    if name == "run_results.json":
        # threads finish in any order
        data["results"] = sorted(data["results"], key=lambda r: r["unique_id"])
    return normalize(data)


def main(before, after):
    differ = False
    for name in ("manifest.json", "run_results.json"):
        na, nb = load(before, name), load(after, name)
        if na != nb:
            differ = True
            left, right = json.dumps(na, indent=1, sort_keys=True).splitlines(), json.dumps(nb, indent=1, sort_keys=True).splitlines()
            print(f"{name} differs:")
            print("\n".join(list(difflib.unified_diff(left, right, before, after, lineterm=""))[:80]))
        else:
            print(f"{name}: identical (times and ids aside)")
    return 1 if differ else 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    sys.exit(main(sys.argv[1], sys.argv[2]))
