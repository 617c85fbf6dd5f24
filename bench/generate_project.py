#!/usr/bin/env python3
"""Generates a dbt project of N models for measuring Smelt (stdlib only, deterministic).

Layers: a few seeds; staging views over them; intermediate models that each ref two earlier models
and call a project macro; marts tables. Every tenth model has a schema.yml entry with unique and
not_null tests. Usage: generate_project.py OUT_DIR --models N
"""
import argparse
import os
import random
import shutil


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--models", type=int, default=1000)
    parser.add_argument("--seed-rows", type=int, default=200)
    args = parser.parse_args()
    rng = random.Random(42)
    out = args.out
    if os.path.exists(out):
        shutil.rmtree(out)
    for sub in ("models/staging", "models/intermediate", "models/marts", "seeds", "macros"):
        os.makedirs(os.path.join(out, sub))

    with open(os.path.join(out, "dbt_project.yml"), "w") as f:
        f.write("name: bench\nversion: '1.0.0'\nconfig-version: 2\nprofile: bench\n"
                "models:\n  bench:\n    staging:\n      +materialized: view\n"
                "    intermediate:\n      +materialized: view\n    marts:\n      +materialized: table\n")
    with open(os.path.join(out, "macros", "cents.sql"), "w") as f:
        f.write("{% macro cents(col) %}cast({{ col }} * 100 as bigint){% endmacro %}\n")

    seeds = 5
    for s in range(seeds):
        with open(os.path.join(out, "seeds", f"raw_{s}.csv"), "w") as f:
            f.write("id,amount,category\n")
            for i in range(args.seed_rows):
                f.write(f"{i},{rng.randint(1, 10000) / 100},{rng.choice('abcde')}\n")

    n = args.models
    staging = max(seeds, n // 10)
    marts = max(1, n // 10)
    intermediate = max(0, n - staging - marts)
    names = []
    yml = {"staging": [], "intermediate": [], "marts": []}

    def write(layer, name, sql):
        with open(os.path.join(out, "models", layer, name + ".sql"), "w") as f:
            f.write(sql)
        names.append(name)
        if len(names) % 10 == 0:
            yml[layer].append(name)

    for i in range(staging):
        write("staging", f"stg_{i}",
              f"select id, amount, category, {{{{ cents('amount') }}}} as amount_cents\n"
              f"from {{{{ ref('raw_{i % seeds}') }}}}\n")
    for i in range(intermediate):
        a = rng.choice(names)
        b = rng.choice(names)
        write("intermediate", f"int_{i}",
              "{% set cols = ['id', 'amount', 'category', 'amount_cents'] %}\n"
              f"select {{% for c in cols %}}x.{{{{ c }}}}{{% if not loop.last %}}, {{% endif %}}{{% endfor %}}\n"
              f"from {{{{ ref('{a}') }}}} as x\n"
              f"where x.id in (select id from {{{{ ref('{b}') }}}})\n")
    for i in range(marts):
        a = rng.choice(names)
        write("marts", f"mart_{i}",
              f"select category, count(*) as n, sum(amount) as amount\nfrom {{{{ ref('{a}') }}}}\ngroup by category\n")

    for layer, entries in yml.items():
        if not entries:
            continue
        with open(os.path.join(out, "models", layer, "schema.yml"), "w") as f:
            f.write("version: 2\nmodels:\n")
            for name in entries:
                column = "category" if name.startswith("mart_") else "id"
                f.write(f"  - name: {name}\n    columns:\n      - name: {column}\n        data_tests:\n"
                        f"          - not_null\n")
                if name.startswith("mart_"):
                    f.write("          - unique\n")
    print(f"{out}: {len(names)} models, {seeds} seeds, {sum(len(v) for v in yml.values())} tested models")


if __name__ == "__main__":
    main()
