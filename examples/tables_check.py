#!/usr/bin/env python3
"""Loads the tidy tables of report folders with pandas, as an analyst would, and checks every
row and number against report.json (issue 17: "the CSV tables loaded with pandas and compared
with report.json"). Run by .ci/run on the committed seed report and on reports it writes.

    python3 examples/tables_check.py REPORT_DIR...

Exits 1 with the first difference found. Needs pandas (installed by .ci/run in its venv)."""
import json
import math
import sys
from pathlib import Path

import pandas as pd


def fail(msg):
    print(f"tables_check: {msg}", file=sys.stderr)
    sys.exit(1)


def same(a, b, what):
    """Equal as the CSV stores them: numbers to the sixth decimal, empty cells as missing."""
    if isinstance(b, bool) or isinstance(a, bool):
        ok = str(a).lower() == str(b).lower()
    elif isinstance(b, (int, float)) and b is not None:
        ok = a is not None and not (isinstance(a, float) and math.isnan(a)) and abs(float(a) - float(b)) <= 1e-6
    else:
        na = a is None or (isinstance(a, float) and math.isnan(a))
        ok = (na and (b in (None, ""))) or str(a) == str(b)
    if not ok:
        fail(f"{what}: table has {a!r}, report.json {b!r}")


def rows(df):
    # pandas reads "none"-like strings as text only with keep_default_na=False; empty stays NaN.
    return df.to_dict("records")


def compare(table, expected, columns, name):
    got = rows(table)
    if len(got) != len(expected):
        fail(f"{name}: {len(got)} rows, report.json has {len(expected)}")
    for i, (g, e) in enumerate(zip(got, expected)):
        for c in columns:
            same(g[c], e[c], f"{name} row {i + 1} column {c}")


def check(folder):
    folder = Path(folder)
    report = json.loads((folder / "report.json").read_text(encoding="utf-8"))
    t = {}
    for p in sorted((folder / "tables").glob("*.csv")):
        # Text cells are read as text: an outlet called "null" or "NA" is a name, not missing.
        t[p.stem] = pd.read_csv(p, keep_default_na=False, na_values=[""])
    expected = {"labels", "frames", "stance", "keyness", "similarity", "actors", "voices",
                "findings", "skips", "outlets"}
    if set(t) != expected:
        fail(f"{folder}: tables {sorted(t)} instead of {sorted(expected)}")
    share = ["voice", "count", "total", "share", "ci_low", "ci_high", "articles", "low_n"]
    compare(t["labels"], report["labels"], ["concept", "scope", "label"] + share, "labels.csv")
    frames = [dict(r, frame=r["label"]) for r in report["frames"]]
    compare(t["frames"], frames, ["frame"] + share, "frames.csv")
    compare(t["stance"], report["stance"],
            ["voice", "actor", "n", "articles", "mean", "ci_low", "ci_high", "positive", "negative", "low_n"],
            "stance.csv")
    keyness = []
    for k in report["keyness"]:
        for side in ("top", "bottom"):
            for rank, term in enumerate(k[side], 1):
                keyness.append({"voice": k["voice"], "against": k["against"], "side": side, "rank": rank,
                                "term": term["term"], "z": term["z"], "count_voice": term["count_a"],
                                "count_against": term["count_b"]})
    compare(t["keyness"], keyness, list(keyness[0]) if keyness else [], "keyness.csv")
    sim = []
    for s in report["similarity"]:
        v = s["voices"]
        for i in range(len(v)):
            for j in range(i + 1, len(v)):
                sim.append({"actor": s["actor"], "voice_a": v[i], "voice_b": v[j],
                            "cosine": s["matrix"][i][j], "terms": s["terms"]})
    compare(t["similarity"], sim, ["actor", "voice_a", "voice_b", "cosine", "terms"], "similarity.csv")
    compare(t["actors"], report["actors"], ["actor", "name", "kind", "mentions", "places", "articles", "fuzzy"],
            "actors.csv")
    voices = [dict(v, attributed_passages=v["quoted_passages"]) for v in report["voices"]]
    compare(t["voices"], voices,
            ["voice", "name", "kind", "state_media", "articles", "own_articles", "own_passages",
             "attributed_passages", "reported_passages", "tokens"], "voices.csv")
    findings = []
    for f in report["findings"]:
        row = {"kind": f["kind"], "concept": f["concept"], "label": f["label"], "actor": f["actor"],
               "difference": f["difference"], "ci_low": f["ci_low"], "ci_high": f["ci_high"]}
        for side in ("high", "low"):
            for k, v in f[side].items():
                row[f"{side}_{k}"] = v
        findings.append(row)
    compare(t["findings"], findings, list(findings[0]) if findings else [], "findings.csv")
    compare(t["skips"], report["accounting"]["skips"], ["source", "line", "id", "kind", "reason"], "skips.csv")
    langs = [{"outlet": o["outlet"], "language": lang, "articles": n}
             for o in report["outlets"] for lang, n in sorted(o["languages"].items())]
    compare(t["outlets"], langs, ["outlet", "language", "articles"], "outlets.csv")
    # The accounting holds together in the tables too.
    acc = report["accounting"]
    if t["outlets"]["articles"].sum() != acc["analysed"]:
        fail(f"outlets.csv: {t['outlets']['articles'].sum()} articles, report.json analysed {acc['analysed']}")
    if len(t["skips"]) != acc["skipped"]:
        fail(f"skips.csv: {len(t['skips'])} rows, report.json skipped {acc['skipped']}")
    print(f"tables_check: {folder}: {sum(len(x) for x in t.values())} rows in {len(t)} tables match report.json")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        fail("give one or more report folders")
    for f in sys.argv[1:]:
        check(f)
