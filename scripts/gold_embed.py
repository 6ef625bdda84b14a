#!/usr/bin/env python3
"""Embeds each article's text (and outlet, date, title) into the hand-built gold files, so that
`framelens validate --attribution/--actors/--labels` needs nothing but the gold file, and checks
every span against the text. Run from the repository root after annotating:

    python3 scripts/gold_embed.py [--corpus ../shared/data/fakes_syria.jsonl]

Articles come from FA-KES (`corpus: fakes_syria`, by id) or the seeds (`corpus: seeds`, id = file
stem of fixtures/seeds/*.txt). Idempotent: a line that already has its text is checked again."""
import argparse, glob, json, os, sys

SPANS = {"attributions": [("content", "content_start", "content_end"),
                          ("source", "source_start", "source_end"),
                          ("cue", "cue_start", "cue_end")],
         "mentions": [("text", "start", "end")],
         "items": [("text", "start", "end")]}

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default="../shared/data/fakes_syria.jsonl")
    ap.add_argument("files", nargs="*")
    a = ap.parse_args()
    fakes = {}
    with open(a.corpus, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            fakes[r["id"]] = r
    seeds = {}
    for p in sorted(glob.glob("fixtures/seeds/*.txt")):
        with open(p, "rb") as f:
            seeds[os.path.basename(p)[:-4]] = f.read().decode("utf-8")
    files = a.files or sorted(glob.glob("fixtures/gold/*/*.jsonl"))
    bad = 0
    for path in files:
        out = []
        with open(path, encoding="utf-8") as f:
            lines = f.readlines()
        for n, line in enumerate(lines, 1):
            r = json.loads(line)
            if r["corpus"] == "fakes_syria":
                src = fakes[r["article"]]
                r.setdefault("date", src.get("date"))
                r.setdefault("title", src.get("title"))
                text = src["text"]
            elif r["corpus"] == "seeds":
                text = seeds[r["article"]]
            else:
                sys.exit(f"{path}:{n}: unknown corpus {r['corpus']!r}")
            if "text" in r and r["text"] != text:
                sys.exit(f"{path}:{n}: embedded text differs from the corpus")
            r["text"] = text
            b = text.encode("utf-8")
            for key, spans in SPANS.items():
                for item in r.get(key, []):
                    for name, s, e in spans:
                        if item.get(s) is None:
                            continue
                        got = b[item[s]:item[e]].decode("utf-8", "replace")
                        if got != item[name]:
                            bad += 1
                            print(f"{path}:{n}: {name} {item[name]!r} != text[{item[s]}:{item[e]}] {got!r}")
            out.append(json.dumps(r, ensure_ascii=False) + "\n")
        with open(path, "w", encoding="utf-8") as f:
            f.writelines(out)
        print(f"{path}: {len(out)} articles")
    sys.exit(1 if bad else 0)

main()
