#!/usr/bin/env python3
"""Label uses on text no gold set covers, for a reading by hand (benches/README.md, "Label uses on
unseen text").

    scripts/unseen_labels.py prepare CORPUS.jsonl OUT.jsonl [--skip-gold fixtures/gold] [--outlet X]
        Writes CORPUS's articles as label-gold lines with no items (split dev, so that
        `framelens validate --labels OUT.jsonl --errors` lists every label use framelens finds as
        "wrong"). Accepts framelens corpora (`id`, `outlet`, `text`) and NewsMTSC files (target
        mentions: each distinct sentence becomes one article). --skip-gold leaves out the articles
        of every gold file under that folder, --drop the ids given (validate stops at the
        first article it cannot analyse and names it).

    scripts/unseen_labels.py show OUT.jsonl ERRORS.txt [--per-set K] [--seed S]
        Prints the uses listed in ERRORS.txt (validate's --errors output, or a `diff` of two)
        with the words around them: every one, or K per label set chosen with seed S.
"""
import argparse
import collections
import glob
import json
import os
import random
import re
import sys


def prepare(args):
    skip = set()
    if args.skip_gold:
        for f in glob.glob(os.path.join(args.skip_gold, "*", "*.jsonl")):
            with open(f, encoding="utf-8") as fh:
                for line in fh:
                    if line.strip():
                        skip.add(json.loads(line)["article"])
    seen = set()
    n = 0
    with open(args.corpus, encoding="utf-8") as fh, open(args.out, "w", encoding="utf-8") as out:
        for line in fh:
            if not line.strip():
                continue
            d = json.loads(line)
            text = d["text"]
            if "target_start" not in d:
                art = str(d["id"])
            else:
                if text in seen:
                    continue
                seen.add(text)
                art = "s%05d" % (len(seen))
            if art in skip or art in args.drop:
                continue
            n += 1
            out.write(json.dumps({
                "article": art, "corpus": "unseen", "outlet": d.get("outlet", args.outlet),
                "split": "dev", "annotator": "none", "text": text, "items": [],
            }, ensure_ascii=False) + "\n")
    print(f"{n} articles -> {args.out}", file=sys.stderr)


LINE = re.compile(r'^([<>] )?(\S+) (\d+): wrong (\S+) "(.*)"$')


def show(args):
    texts = {}
    with open(args.gold, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                d = json.loads(line)
                texts[d["article"]] = d["text"].encode("utf-8")
    by_set = collections.defaultdict(list)
    with open(args.errors, encoding="utf-8") as fh:
        for line in fh:
            m = LINE.match(line.strip())
            if m:
                by_set[m.group(4).split(".")[0]].append(m.groups())
    rng = random.Random(args.seed)
    for s in sorted(by_set):
        rows = by_set[s]
        if args.per_set and len(rows) > args.per_set:
            rows = rng.sample(rows, args.per_set)
        for sign, art, start, label, text in rows:
            b = texts[art]
            start = int(start)
            end = start + len(text.encode("utf-8"))
            ctx = (b[max(0, start - 120):start].decode("utf-8", "ignore") + "[["
                   + b[start:end].decode("utf-8", "ignore") + "]]"
                   + b[end:end + 70].decode("utf-8", "ignore")).replace("\n", " | ")
            print(f"{(sign or '').strip()} {art} {label}\n    {ctx}")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="cmd", required=True)
    a = sub.add_parser("prepare")
    a.add_argument("corpus")
    a.add_argument("out")
    a.add_argument("--skip-gold")
    a.add_argument("--outlet", default="unknown")
    a.add_argument("--drop", type=lambda v: set(v.split(",")), default=set(),
                   help="article ids to leave out (comma-separated): those validate names as not analysable")
    a.set_defaults(func=prepare)
    b = sub.add_parser("show")
    b.add_argument("gold")
    b.add_argument("errors")
    b.add_argument("--per-set", type=int, default=0)
    b.add_argument("--seed", type=int, default=4242)
    b.set_defaults(func=show)
    args = p.parse_args()
    args.func(args)


if __name__ == "__main__":
    main()
