#!/usr/bin/env python3
"""Voices on text no gold set covers, for a reading by hand (benches/README.md, "Two unseen reads
of FA-KES").

    framelens voices CORPUS.jsonl --format json [--recurring FILE] > VOICES.json

    scripts/unseen_voices.py passages CORPUS.jsonl VOICES.json [--n 45] [--seed 1106]
        Precision: N passages with a voice other than the host's ("own", "boilerplate"), drawn at
        random from articles outside the attribution gold set, each with the text around it.

    scripts/unseen_voices.py cues CORPUS.jsonl VOICES.json [--n 40] [--seed 7]
        Recall: N occurrences of a reporting word (said, says, told, according to, added, stated,
        reported) drawn the same way, each with the passages framelens found around it.

Articles of every file under fixtures/gold/attribution are left out (--gold to change).
"""
import argparse
import glob
import json
import os
import random
import re


def load(args):
    gold = set()
    for f in glob.glob(os.path.join(args.gold, "*.jsonl")):
        with open(f, encoding="utf-8") as fh:
            gold.update(json.loads(line)["article"] for line in fh if line.strip())
    arts = {}
    with open(args.corpus, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                a = json.loads(line)
                if a["id"] not in gold:
                    arts[a["id"]] = a
    with open(args.voices, encoding="utf-8") as fh:
        passages = [p for p in json.load(fh) if p["article"] in arts]
    return arts, passages


def around(text, start, end, before, after):
    b = text.encode("utf-8")
    cut = lambda x, y: b[max(0, x):y].decode("utf-8", "replace").replace("\n", " / ")
    return cut(start - before, start), cut(start, end), cut(end, end + after)


def passages(args):
    arts, ps = load(args)
    ps = [p for p in ps if p["voice"] not in ("own", "boilerplate")]
    random.seed(args.seed)
    for i, p in enumerate(random.sample(ps, min(args.n, len(ps)))):
        pre, mid, post = around(arts[p["article"]]["text"], p["start"], p["end"], 250, 120)
        print(f"=== {i} {p['article']} {p['outlet']} voice={p['voice']} quoted={p['quoted']} cue={p['cue']}")
        print(f"...{pre} [[[{mid[:400]}]]] {post}")


def cues(args):
    arts, ps = load(args)
    by = {}
    for p in ps:
        by.setdefault(p["article"], []).append(p)
    cue = re.compile(rb" (said|says|told|according to|added|stated|reported)\b")
    found = [
        (aid, m.start())
        for aid, a in arts.items()
        for m in cue.finditer(a["text"].encode("utf-8"))
    ]
    random.seed(args.seed)
    for i, (aid, off) in enumerate(random.sample(found, min(args.n, len(found)))):
        pre, mid, post = around(arts[aid]["text"], off, off, 260, 140)
        print(f"=== {i} {aid} {arts[aid].get('outlet')} off={off}")
        print("   ", pre + post)
        for p in by.get(aid, []):
            if p["voice"] != "own" and p["start"] - 200 <= off <= p["end"] + 200:
                q = "Q" if p["quoted"] else "R"
                print("   ->", p["voice"], q, p["start"], p["end"], "|", p["text"][:90].replace("\n", " "))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("mode", choices=["passages", "cues"])
    ap.add_argument("corpus")
    ap.add_argument("voices")
    ap.add_argument("--n", type=int)
    ap.add_argument("--seed", type=int)
    ap.add_argument("--gold", default="fixtures/gold/attribution")
    args = ap.parse_args()
    if args.mode == "passages":
        args.n = args.n or 45
        args.seed = 1106 if args.seed is None else args.seed
        passages(args)
    else:
        args.n = args.n or 40
        args.seed = 7 if args.seed is None else args.seed
        cues(args)


if __name__ == "__main__":
    main()
