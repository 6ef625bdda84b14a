#!/usr/bin/env python3
"""Occurrences of a pattern that no label use covers, for a reading by hand of what a label set
misses on text no gold set covers (benches/README.md, "The coalition's air war ...").

    scripts/uncounted.py ARTICLES.jsonl USES.txt REGEX [SET]

ARTICLES.jsonl: label-gold lines with no items (`scripts/unseen_labels.py prepare`); USES.txt:
`framelens validate --labels ARTICLES.jsonl --errors` on them (every use framelens finds, listed
as "wrong"). Prints each match of REGEX in the articles' texts that no use of SET (a concept, or
a prefix such as "western_powers.coalition"; every set when left out) overlaps, with the words
around it, and the counts on standard error.
"""
import collections
import json
import re
import sys


def main():
    if len(sys.argv) not in (4, 5):
        sys.exit(__doc__)
    articles, uses_file, regex = sys.argv[1:4]
    prefix = sys.argv[4] if len(sys.argv) == 5 else ""
    pattern = re.compile(regex)
    uses = collections.defaultdict(list)
    for line in open(uses_file, encoding="utf-8"):
        m = re.match(r'(\S+) (\d+): wrong (\S+) "(.*)"$', line.strip())
        if m:
            start = int(m[2])
            uses[m[1]].append((start, start + len(m[4].encode()), m[3]))
    found = uncovered = 0
    for line in open(articles, encoding="utf-8"):
        d = json.loads(line)
        text = d["text"]
        for m in pattern.finditer(text):
            # validate reports byte offsets
            s = len(text[: m.start()].encode())
            e = s + len(m[0].encode())
            found += 1
            if any(a < e and z > s and c.startswith(prefix) for a, z, c in uses[d["article"]]):
                continue
            uncovered += 1
            around = text[max(0, m.start() - 80) : m.start()] + "[[" + m[0] + "]]" + text[m.end() : m.end() + 50]
            print(d["article"], d.get("outlet", ""), s, "..." + around.replace("\n", " "))
    print(f"occurrences {found}, covered by no use {uncovered}", file=sys.stderr)


if __name__ == "__main__":
    main()
