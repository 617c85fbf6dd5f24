#!/usr/bin/env python3
"""Generates a dbt project of N models for measuring Smelt (stdlib only, deterministic).

The shape of issue 17's benchmark: a few seeds; staging views over them; intermediate models in a
random DAG (each refs two earlier models and calls a project macro; one in five is an incremental
table with a unique key, one in five a table, the rest views); marts tables. Every model has an
`id` column with `not_null` and `unique` tests in a schema.yml, so N models make 3N nodes.

With --dataform DIR it also writes the same project in Dataform's form (workflow_settings.yaml,
definitions/*.sqlx with `${ref()}` and nonNull/uniqueKey assertions) for a side-by-side run.

Usage: generate_project.py OUT_DIR --models N [--seed-rows R] [--dataform DIR]
"""
import argparse
import os
import random
import shutil

SEEDS = 5
COLUMNS = ["id", "amount", "category", "amount_cents"]


def plan(n, rng):
    """The models as (layer, name, materialization, parents); the same for both forms."""
    staging = max(SEEDS, n // 10)
    marts = max(1, n // 10)
    intermediate = max(0, n - staging - marts)
    models = []
    names = []
    for i in range(staging):
        models.append(("staging", f"stg_{i}", "view", [f"raw_{i % SEEDS}"]))
        names.append(f"stg_{i}")
    for i in range(intermediate):
        a, b = rng.choice(names), rng.choice(names)
        kind = rng.random()
        materialized = "incremental" if kind < 0.2 else "table" if kind < 0.4 else "view"
        models.append(("intermediate", f"int_{i}", materialized, [a, b]))
        names.append(f"int_{i}")
    for i in range(marts):
        models.append(("marts", f"mart_{i}", "table", [rng.choice(names)]))
    return models


def dbt_sql(materialized, parents):
    if materialized == "view" and parents[0].startswith("raw_"):
        return (f"select id, amount, category, {{{{ cents('amount') }}}} as amount_cents\n"
                f"from {{{{ ref('{parents[0]}') }}}}\n")
    if len(parents) == 1:
        return ("select id, max(amount) as amount, max(category) as category, "
                "max(amount_cents) as amount_cents\n"
                f"from {{{{ ref('{parents[0]}') }}}}\ngroup by id\n")
    a, b = parents
    head = ""
    if materialized == "incremental":
        head = "{{ config(materialized='incremental', unique_key='id') }}\n"
    elif materialized == "table":
        head = "{{ config(materialized='table') }}\n"
    tail = ""
    if materialized == "incremental":
        tail = "{% if is_incremental() %}\n  and x.id >= (select max(id) from {{ this }})\n{% endif %}\n"
    return (head + "{% set cols = ['id', 'amount', 'category', 'amount_cents'] %}\n"
            "select {% for c in cols %}x.{{ c }}{% if not loop.last %}, {% endif %}{% endfor %}\n"
            f"from {{{{ ref('{a}') }}}} as x\n"
            f"where x.id in (select id from {{{{ ref('{b}') }}}})\n" + tail)


def dataform_sqlx(materialized, parents):
    kind = {"view": "view", "table": "table", "incremental": "incremental"}[materialized]
    extra = ', uniqueKey: ["id"]' if kind == "incremental" else ""
    config = (f'config {{\n  type: "{kind}"{extra},\n'
              f'  assertions: {{ nonNull: ["id"], uniqueKey: ["id"] }}\n}}\n\n')
    if kind == "view" and parents[0].startswith("raw_"):
        return config + (f"select id, amount, category, cast(amount * 100 as bigint) as amount_cents\n"
                         f"from ${{ref(\"{parents[0]}\")}}\n")
    if len(parents) == 1:
        return config + ("select id, max(amount) as amount, max(category) as category, "
                         "max(amount_cents) as amount_cents\n"
                         f"from ${{ref(\"{parents[0]}\")}}\ngroup by id\n")
    a, b = parents
    cols = ", ".join("x." + c for c in COLUMNS)
    tail = ""
    if kind == "incremental":
        tail = "${when(incremental(), `and x.id >= (select max(id) from ${self()})`)}\n"
    return config + (f"select {cols}\nfrom ${{ref(\"{a}\")}} as x\n"
                     f"where x.id in (select id from ${{ref(\"{b}\")}})\n" + tail)


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--models", type=int, default=1000)
    parser.add_argument("--seed-rows", type=int, default=200)
    parser.add_argument("--dataform", help="also write the project in Dataform's form here")
    args = parser.parse_args()
    rng = random.Random(42)
    out = args.out
    if os.path.exists(out):
        shutil.rmtree(out)
    for sub in ("models/staging", "models/intermediate", "models/marts", "seeds", "macros"):
        os.makedirs(os.path.join(out, sub))

    write(os.path.join(out, "dbt_project.yml"),
          "name: bench\nversion: '1.0.0'\nconfig-version: 2\nprofile: bench\n"
          "models:\n  bench:\n    staging:\n      +materialized: view\n"
          "    intermediate:\n      +materialized: view\n    marts:\n      +materialized: table\n")
    write(os.path.join(out, "macros", "cents.sql"),
          "{% macro cents(col) %}cast({{ col }} * 100 as bigint){% endmacro %}\n")
    seeds = []
    for s in range(SEEDS):
        rows = ["id,amount,category"]
        for i in range(args.seed_rows):
            rows.append(f"{i},{rng.randint(1, 10000) / 100},{rng.choice('abcde')}")
        seeds.append("\n".join(rows) + "\n")
        write(os.path.join(out, "seeds", f"raw_{s}.csv"), seeds[-1])

    models = plan(args.models, rng)
    yml = {"staging": [], "intermediate": [], "marts": []}
    for layer, name, materialized, parents in models:
        write(os.path.join(out, "models", layer, name + ".sql"), dbt_sql(materialized, parents))
        yml[layer].append(name)
    for layer, entries in yml.items():
        if not entries:
            continue
        lines = ["version: 2", "models:"]
        for name in entries:
            lines += [f"  - name: {name}", "    columns:", "      - name: id", "        data_tests:",
                      "          - not_null", "          - unique"]
        write(os.path.join(out, "models", layer, "schema.yml"), "\n".join(lines) + "\n")
    print(f"{out}: {len(models)} models, {SEEDS} seeds, {2 * len(models)} tests")

    if args.dataform:
        df = args.dataform
        if os.path.exists(df):
            shutil.rmtree(df)
        write(os.path.join(df, "workflow_settings.yaml"),
              "defaultProject: bench\ndefaultLocation: US\ndefaultDataset: bench\n"
              "defaultAssertionDataset: bench_assertions\n")
        for s, text in enumerate(seeds):
            # Dataform has no seeds: the raw tables are declared sources.
            write(os.path.join(df, "definitions", "sources", f"raw_{s}.sqlx"),
                  f'config {{\n  type: "declaration",\n  name: "raw_{s}"\n}}\n')
        for layer, name, materialized, parents in models:
            write(os.path.join(df, "definitions", layer, name + ".sqlx"), dataform_sqlx(materialized, parents))
        print(f"{df}: the same {len(models)} models in Dataform's form")


if __name__ == "__main__":
    main()
