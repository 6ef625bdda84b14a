#!/usr/bin/env python3
"""Run framelens on Apache Spark: `map` per input file on the executors, a tree reduce with
`merge`, and `report` on the driver. The report folder equals `framelens analyze` of the same
inputs, byte for byte (merge is order-free).

    spark-submit --master yarn --files target/x86_64-unknown-linux-musl/release/framelens \\
        examples/spark/framelens_spark.py --out reports/archive /data/archive/part-*.jsonl.gz

Every input path must be readable at the same path on every executor (a shared file system or a
mount of the object store); one task maps one input file, so split a large archive into many
files (`split -l`, or the part files a Spark job writes). The binary is shipped to the executors
with `--files` (or `--binary PATH`, which adds it with SparkContext.addFile); build it static so
that it runs on any executor image:

    rustup target add x86_64-unknown-linux-musl
    cargo build --release --target x86_64-unknown-linux-musl

The outlets' recurring endings (footers) and the duplicate records must be the whole corpus's:
the driver finds both in one pass, `framelens recurring INPUT... --duplicates FILE`, and ships
the files to every `map` (`--recurring` chooses the endings: learned (`auto`), `off` or a FILE;
duplicates are always those of the whole corpus, in the order of the inputs as given, so a
record that repeats one in an earlier file is skipped as `analyze` skips it).
Flags after `--` are passed to every `map` and to `report` as they apply (`--lexicon F`,
`--actors F`, `--boilerplate F`): ship those files with `--files` too and name them by base name.
"""

import argparse
import os
import subprocess
import sys
import tempfile

from pyspark import SparkFiles
from pyspark.sql import SparkSession


def run(cmd):
    """Runs framelens; a failure raises with its standard error (Spark retries the task)."""
    done = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited {done.returncode}: {done.stderr}")
    return done


def local_binary():
    return SparkFiles.get("framelens")


def map_file(path, recurring, duplicates, extra):
    """One input file -> its shard (JSON text). Writes nothing but a temporary file."""
    binary = local_binary()
    with tempfile.TemporaryDirectory() as d:
        out = os.path.join(d, "part.shard.json")
        cmd = [binary, "map", path, "--out", out, "-j", "1", "-q", "--recurring", recurring,
               "--duplicates", duplicates]
        run(cmd + extra)
        with open(out, encoding="utf-8") as f:
            return f.read()


def merge_two(a, b):
    """Two shards -> one (the reduce step; associative and commutative)."""
    binary = local_binary()
    with tempfile.TemporaryDirectory() as d:
        pa, pb, out = (os.path.join(d, n) for n in ("a.json", "b.json", "m.json"))
        for p, text in ((pa, a), (pb, b)):
            with open(p, "w", encoding="utf-8") as f:
                f.write(text)
        run([binary, "merge", pa, pb, "--out", out])
        with open(out, encoding="utf-8") as f:
            return f.read()


def main(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("inputs", nargs="+", help="input files (JSONL, .jsonl.gz, CSV)")
    ap.add_argument("--out", required=True, help="report folder to write")
    ap.add_argument("--binary", help="framelens binary to ship (else one given with --files)")
    ap.add_argument("--recurring", default="auto",
                    help="auto: learn the recurring endings once on the driver; off; or a FILE")
    ap.add_argument("--shard", help="also keep the merged shard here")
    ap.add_argument("--depth", type=int, default=2, help="tree reduce depth")
    args, extra = ap.parse_known_args(argv)
    extra = [x for x in extra if x != "--"]

    spark = SparkSession.builder.appName("framelens").getOrCreate()
    sc = spark.sparkContext
    if args.binary:
        sc.addFile(os.path.abspath(args.binary))
    driver_binary = args.binary or local_binary()
    inputs = [os.path.abspath(p) for p in args.inputs]

    with tempfile.TemporaryDirectory() as d:
        # One pass over the whole corpus: its recurring endings and its duplicate records.
        learned = os.path.join(d, "recurring.json")
        duplicates = os.path.join(d, "duplicates.jsonl")
        run([driver_binary, "recurring", *inputs, "--out", learned,
             "--duplicates", duplicates, "-q"])
        sc.addFile(duplicates)
        recurring = args.recurring
        if recurring == "auto":
            sc.addFile(learned)
            recurring_name = "recurring.json"
        elif recurring != "off":
            sc.addFile(os.path.abspath(recurring))
            recurring_name = os.path.basename(recurring)
        else:
            recurring_name = None

        def task(path):
            rec = SparkFiles.get(recurring_name) if recurring_name else "off"
            return map_file(path, rec, SparkFiles.get("duplicates.jsonl"), extra)

        shards = sc.parallelize(inputs, len(inputs)).map(task)
        merged = shards.treeReduce(merge_two, depth=args.depth)

        shard = args.shard or os.path.join(d, "all.shard.json")
        with open(shard, "w", encoding="utf-8") as f:
            f.write(merged)
        report_flags = []
        for i, x in enumerate(extra):
            if x in ("--lexicon", "--actors", "--boilerplate") and i + 1 < len(extra):
                report_flags += [x, extra[i + 1]]
            elif x == "--no-default-lexicons":
                report_flags.append(x)
        run([driver_binary, "report", shard, "--out", args.out, *report_flags])
    spark.stop()
    print(f"framelens_spark: wrote {args.out} from {len(inputs)} input(s)", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
