#!/usr/bin/env python3
"""Writes the three raw_*.csv seeds of the jaffle_shop fixture (deterministic, stdlib only).

Run from the fixture folder: python3 scripts/generate_seeds.py
Then recompute the expected tables: python3 scripts/compute_expected.py
"""
import csv
import random
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIRST = ["Michael", "Shawn", "Kathleen", "Jimmy", "Katherine", "Sarah", "Martin", "Frank", "Jennifer",
         "Henry", "Fred", "Amy", "Kathleen", "Steve", "Teresa", "Amanda", "Kimberly", "Johnny", "Virginia",
         "Anna", "Willie", "Sean", "Mildred", "David", "Victor", "Aaron", "Howard", "Nicole", "Jane", "Ruth"]
STATUSES = ["placed", "shipped", "completed", "return_pending", "returned"]
METHODS = ["credit_card", "coupon", "bank_transfer", "gift_card"]


def write(name, header, rows):
    with open(ROOT / "seeds" / name, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    rng = random.Random(1849)
    customers = [(i, rng.choice(FIRST), rng.choice("ABCDEFGHIJKLMNOPRSTW") + ".") for i in range(1, 101)]
    write("raw_customers.csv", ["id", "first_name", "last_name"], customers)

    orders = []
    day = date(2018, 1, 1)
    for i in range(1, 101):
        day += timedelta(days=rng.choice([0, 1, 1, 1, 2]))
        status = rng.choices(STATUSES, weights=[1, 1, 6, 1, 1])[0] if i < 90 else rng.choice(STATUSES[:2])
        orders.append((i, rng.randint(1, 65), day.isoformat(), status))
    write("raw_orders.csv", ["id", "user_id", "order_date", "status"], orders)

    payments = []
    unpaid = set(rng.sample(range(1, 101), 3))
    split = set(rng.sample(sorted(set(range(1, 101)) - unpaid), 23))
    for order_id, *_ in orders:
        if order_id in unpaid:
            continue
        if order_id in split:
            payments.append([order_id, "coupon", rng.randint(1, 10) * 100])
        payments.append([order_id, rng.choices(METHODS, weights=[5, 1, 3, 1])[0], rng.randint(100, 3000)])
    write("raw_payments.csv", ["id", "order_id", "payment_method", "amount"],
          [(i, *p) for i, p in enumerate(payments, start=1)])
    print(f"{len(customers)} customers, {len(orders)} orders, {len(payments)} payments")


if __name__ == "__main__":
    main()
