#!/usr/bin/env python3
"""The Spark example on `local[2]`, checked: about 2,000 articles made from the seed articles
(each seed cut into paragraphs and recombined under a line of its own, so that no two texts are
the same, with ids, outlets and dates of their own) in four
JSONL files, with duplicates across the files (every 250th article repeats the text of one in
another file under a new id, and one reuses an earlier id: `analyze` skips them, and each `map`
only with the whole corpus's list of duplicates); `framelens_spark.py` maps, tree-reduces and reports them; the report folder must be
byte-identical to `framelens analyze` of the same files. Exit 0 when it is.

    python3 examples/spark/check_local.py target/release/framelens

Needs pyspark (pinned in .ci/run) and a Java runtime. `.ci/run` runs it.
"""

import filecmp
import glob
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
OUTLETS = ["tass", "tasnim", "presstv", "irna", "sana", "sputnik", "reuters", "afp", "apnews"]


def corpus(folder, n=2000, parts=4):
    seeds = sorted(glob.glob(os.path.join(ROOT, "fixtures", "seeds", "*.txt")))
    paras = []
    for p in seeds:
        with open(p, encoding="utf-8") as f:
            paras += [x.strip() for x in f.read().split("\n\n") if x.strip()]
    files = [os.path.join(folder, f"part-{k}.jsonl") for k in range(parts)]
    outs = [open(p, "w", encoding="utf-8") for p in files]
    texts = []
    for i in range(n):
        body = [paras[(i * 7 + j * 13) % len(paras)] for j in range(4 + i % 5)]
        rec = {
            "id": f"gen-{i:05d}",
            "outlet": OUTLETS[i % len(OUTLETS)],
            "date": f"2019-{1 + i % 12:02d}-{1 + i % 28:02d}",
            "text": f"Dispatch number {i} from the {OUTLETS[i % len(OUTLETS)]} desk.\n\n"
            + "\n\n".join(body),
        }
        outs[i % parts].write(json.dumps(rec, ensure_ascii=False) + "\n")
        texts.append(rec["text"])
        if i >= 250 and i % 250 == 0:
            copy = dict(rec, id=f"copy-{i:05d}", text=texts[i - 249])
            outs[i % parts].write(json.dumps(copy, ensure_ascii=False) + "\n")
        if i == n - 1:
            again = dict(rec, id="gen-00003", text=rec["text"] + "\n\nUpdated.")
            outs[i % parts].write(json.dumps(again, ensure_ascii=False) + "\n")
    for f in outs:
        f.close()
    return files


# Only `analyze` streams the complete lists of skips and flags; a `map` task writes no side files.
ANALYZE_ONLY = ["skips.jsonl", "flags.jsonl"]


def same_tree(a, b):
    cmp = filecmp.dircmp(a, b, ignore=ANALYZE_ONLY)
    if cmp.left_only or cmp.right_only or cmp.funny_files:
        print(f"differ: {cmp.left_only} {cmp.right_only} {cmp.funny_files}", file=sys.stderr)
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    if mismatch or errors:
        print(f"differ: {mismatch} {errors} under {a}", file=sys.stderr)
        return False
    return all(same_tree(os.path.join(a, d), os.path.join(b, d)) for d in cmp.common_dirs)


def main():
    binary = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else "target/release/framelens")
    with tempfile.TemporaryDirectory() as d:
        files = corpus(d)
        spark_out = os.path.join(d, "spark-report")
        whole_out = os.path.join(d, "analyze-report")
        subprocess.run(
            [sys.executable, os.path.join(HERE, "framelens_spark.py"), "--binary", binary,
             "--out", spark_out, *files],
            check=True,
            env={**os.environ, "PYSPARK_SUBMIT_ARGS": "--master local[2] pyspark-shell"},
        )
        subprocess.run([binary, "analyze", *files, "--out", whole_out, "-q"], check=True)
        if not same_tree(spark_out, whole_out):
            print("check_local: the Spark report differs from analyze's", file=sys.stderr)
            return 1
        n = sum(1 for _ in os.walk(spark_out))
        print(f"check_local: Spark local[2] report equals analyze's byte for byte ({n} folders)")
        return 0


if __name__ == "__main__":
    sys.exit(main())
