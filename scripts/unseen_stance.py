#!/usr/bin/env python3
"""Stance items from FA-KES articles outside the stance gold set, for reading by hand.

    python3 scripts/unseen_stance.py ../shared/data/fakes_syria.jsonl fixtures/stance/gold.jsonl \
        > /tmp/unseen_stance.jsonl
    framelens validate --gold /tmp/unseen_stance.jsonl --items /tmp/new.jsonl   # and an old binary

Sentences (split at ". ", "! ", "? ") of 40-400 characters that hold a word of speech, fighting
or harm, each with one target per name of a fixed list of actor names it contains. The `label`
of every item is 0: the items have no gold, `validate` is used for its `--items` output (the
prediction, rules and terms of each), which two binaries' runs are compared on. 1,500 items,
drawn with random.seed(2026) (`--seed`, `--n` to change).
"""
import argparse
import json
import random
import re

NAMES = [
    "Syrian army", "Syrian Army", "army", "Russia", "Russian", "ISIS", "Daesh", "ISIL", "rebels",
    "SDF", "Turkey", "Turkish", "US", "U.S.", "coalition", "Assad", "Iran", "opposition",
    "Hezbollah", "Nusra", "regime", "government forces", "Kurdish", "YPG", "Israel", "militants",
    "terrorists", "Observatory", "SANA", "Moscow", "Washington", "Damascus", "Ankara",
]
CUES = (r"\b(against|fight\w*|battl\w*|liberat\w*|told|according to|reported|said|killed|killing|"
        r"repel\w*|defeat\w*|clash\w*|freed|rescued|foil\w*|drove|forced)\b")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("gold")
    ap.add_argument("--seed", type=int, default=2026)
    ap.add_argument("--n", type=int, default=1500)
    a = ap.parse_args()
    gold = [json.loads(l) for l in open(a.gold, encoding="utf-8") if l.strip()]
    used = {g.get("source", "").split(":", 1)[-1] for g in gold}
    texts = {g["text"] for g in gold}
    pat = re.compile(r"\b(" + "|".join(re.escape(n) for n in NAMES) + r")\b")
    cue = re.compile(CUES)
    items = []
    for line in open(a.corpus, encoding="utf-8"):
        d = json.loads(line)
        if d["id"] in used:
            continue
        for s in re.split(r"(?<=[.!?])\s+", d["text"]):
            if len(s) < 40 or len(s) > 400 or s in texts or not cue.search(s):
                continue
            for m in pat.finditer(s):
                items.append({"text": s, "target_start": m.start(), "target_end": m.end(),
                              "target": m.group(0), "label": 0, "id": f"{d['id']}_{m.start()}",
                              "split": "dev", "outlet": d.get("outlet", "")})
    random.seed(a.seed)
    random.shuffle(items)
    for it in items[: a.n]:
        print(json.dumps(it))


if __name__ == "__main__":
    main()
