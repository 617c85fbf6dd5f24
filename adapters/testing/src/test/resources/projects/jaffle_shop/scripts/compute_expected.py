#!/usr/bin/env python3
"""Computes expected/customers.csv and expected/orders.csv from the seeds, without SQL.

This is the independent oracle the contract tests compare the engine's tables
against. Format: header row; NULL is an empty field; dates ISO (yyyy-mm-dd);
money with exactly two decimals; rows sorted by the first column.
"""
import csv
from collections import defaultdict
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
METHODS = ["credit_card", "coupon", "bank_transfer", "gift_card"]


def read(name):
    with open(ROOT / "seeds" / name, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def money(d):
    return "" if d is None else str(d.quantize(Decimal("0.01")))


def write(name, header, rows):
    with open(ROOT / "expected" / name, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)


def main():
    customers = read("raw_customers.csv")
    orders = read("raw_orders.csv")
    payments = read("raw_payments.csv")

    by_order = defaultdict(list)
    for p in payments:
        by_order[int(p["order_id"])].append((p["payment_method"], Decimal(p["amount"]) / 100))

    order_rows = []
    for o in sorted(orders, key=lambda o: int(o["id"])):
        pays = by_order.get(int(o["id"]))
        if pays:
            per_method = [sum((a for m, a in pays if m == method), Decimal(0)) for method in METHODS]
            total = sum(a for _, a in pays)
        else:
            per_method, total = [None] * len(METHODS), None
        order_rows.append([o["id"], o["user_id"], o["order_date"], o["status"],
                           *[money(x) for x in per_method], money(total)])
    write("orders.csv",
          ["order_id", "customer_id", "order_date", "status", *[m + "_amount" for m in METHODS], "amount"],
          order_rows)

    orders_of = defaultdict(list)
    for o in orders:
        orders_of[int(o["user_id"])].append(o)
    customer_rows = []
    for c in sorted(customers, key=lambda c: int(c["id"])):
        mine = orders_of.get(int(c["id"]), [])
        if mine:
            dates = sorted(o["order_date"] for o in mine)
            paid = [a for o in mine for _, a in by_order.get(int(o["id"]), [])]
            value = money(sum(paid)) if paid else ""
            customer_rows.append([c["id"], c["first_name"], c["last_name"], dates[0], dates[-1], len(mine), value])
        else:
            customer_rows.append([c["id"], c["first_name"], c["last_name"], "", "", "", ""])
    write("customers.csv",
          ["customer_id", "first_name", "last_name", "first_order", "most_recent_order",
           "number_of_orders", "customer_lifetime_value"],
          customer_rows)
    print(f"{len(customer_rows)} customers, {len(order_rows)} orders")


if __name__ == "__main__":
    main()
