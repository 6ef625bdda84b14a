#!/usr/bin/env python3
"""Macro-F1 per `split` of a gold file from `framelens validate --gold FILE --items ITEMS`.

    framelens validate --gold fixtures/stance/gold.jsonl --items /tmp/items.jsonl
    python3 benches/baselines/splits.py fixtures/stance/gold.jsonl /tmp/items.jsonl

Items are matched to gold lines in order (validate writes one item per scored line). Splits:
each `split` value, `first121` (the first 121 lines, written with the rules) and `all`.
"""
import json
import sys


def macro_f1(pairs):
    f = []
    for c in (-1, 0, 1):
        tp = sum(1 for g, p in pairs if g == c and p == c)
        pp = sum(1 for _, p in pairs if p == c)
        gp = sum(1 for g, _ in pairs if g == c)
        pr = tp / pp if pp else 0.0
        rc = tp / gp if gp else 0.0
        f.append(2 * pr * rc / (pr + rc) if pr + rc else 0.0)
    return sum(f) / 3


gold = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
items = [json.loads(l) for l in open(sys.argv[2], encoding="utf-8") if l.strip()]
assert len(gold) == len(items), (len(gold), len(items))
groups = {"all": list(range(len(gold))), "first121": list(range(min(121, len(gold))))}
for i, g in enumerate(gold):
    if g.get("split"):
        groups.setdefault(g["split"], []).append(i)
print("  ".join(f"{k} {macro_f1([(items[i]['gold'], items[i]['predicted']) for i in v]):.4f} (n={len(v)})"
                for k, v in sorted(groups.items())))
