#!/usr/bin/env python3
"""Writes data/common_words.txt: the ordinary lowercase words of English news, as token keys.

    python3 scripts/common_words.py ../shared/data/fakes_syria.jsonl \
        ../shared/data/newsmtsc_train.jsonl > data/common_words.txt

A word is ordinary when the corpora write it in lowercase at least MIN_LOWER times and at least
a third as often as capitalised inside a sentence (the test scripts/common_names.py uses for
given names): "evidence", "often", "another", "swing" are; "Twitter", "Danish", "Kaine" are not.
Read by the attribution rules (src/voices/names.rs): a capitalised word alone at the start of a
sentence before a speech verb ("Chamberlain says ...") is a speaker's name unless it is one of
these, a stop word or a cue word.
"""
import collections
import json
import re
import sys
import unicodedata

MIN_LOWER = 3
WORD = re.compile(r"[^\W\d_]+(?:'[^\W\d_]+)*")
QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u02bc": "'", "`": "'"})


def key(w):
    w = unicodedata.normalize("NFD", w.translate(QUOTES))
    return "".join(c for c in w if not unicodedata.combining(c)).lower()


def main(paths):
    lower, cap = collections.Counter(), collections.Counter()
    for path in paths:
        for line in open(path, encoding="utf-8"):
            text = json.loads(line)["text"]
            for m in WORD.finditer(text):
                w = m.group(0)
                before = text[: m.start()].rstrip()
                opener = not before or before[-1] in ".!?\"\u201c\u201d:;([-\u2014/|"
                k = key(w)
                if not k.isascii() or not k.replace("'", "").isalpha():
                    continue
                # ("I've", "I'm": the pronoun is always capitalised.)
                if w[0].islower() or k.startswith("i'"):
                    lower[k] += 1
                elif not opener:
                    cap[k] += 1
    words = sorted(k for k, n in lower.items() if n >= MIN_LOWER and 3 * n >= cap[k])
    print("# framelens common words: the ordinary lowercase words of English news, as token keys.")
    print("# Written by scripts/common_words.py from FA-KES and NewsMTSC train (its docstring says")
    print("# how); one word per line. Read by the attribution rules: a capitalised word alone")
    print("# at the start of a sentence before a speech verb is a speaker's name unless it is one")
    print("# of these (\"Evidence suggests\", \"Often dubbed\"; not \"Chamberlain says\").")
    for w in words:
        print(w)


if __name__ == "__main__":
    main(sys.argv[1:])
