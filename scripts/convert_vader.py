#!/usr/bin/env python3
"""Convert the VADER sentiment lexicon into framelens' lexicon TOML format.

Standard library only.  Inputs come from the vaderSentiment package
(https://github.com/cjhutto/vaderSentiment, MIT licence, Hutto & Gilbert,
ICWSM 2014):

  * vader_lexicon.txt  - tab-separated: token, mean, std, raw ratings
  * vaderSentiment.py  - defines NEGATE (negation words) and BOOSTER_DICT
                         (degree adverbs mapped to B_INCR / B_DECR)

Usage (this is how lexicons/vader.toml was produced):

    pip download --no-deps -d /tmp/vader vaderSentiment==3.3.2
    python3 -m zipfile -e /tmp/vader/vaderSentiment-3.3.2-py2.py3-none-any.whl /tmp/vader/x
    python3 scripts/convert_vader.py /tmp/vader/x/vaderSentiment/vader_lexicon.txt \\
        -o lexicons/vader.toml

By default vaderSentiment.py is looked up next to vader_lexicon.txt; pass
--module to point elsewhere.

Filtering rules:
  * kept: entries whose token is a word (ASCII letters with optional internal
    apostrophes or hyphens: "bad", "can't", "short-sighted"), or a
    space-separated phrase made only of such words ("fed up", "can't stand");
  * dropped: emoticons and punctuation tokens (":)", "(^_^)", "</3"), tokens
    with digits ("h8", "n00b"), and the letters-only emoticons listed in
    LETTER_EMOTICONS ("xd", "x-d", "xp", "x-p");
  * the lexicon file lists a few tokens twice; like VADER's own loader
    (a dict built line by line) the later line wins.
Means are already on VADER's -4..+4 scale and are written with at most two
decimals.  Every VADER token is lower case, so every term is case-insensitive
under framelens' term syntax.
"""

import argparse
import ast
import os
import re
import sys

WORD = r"[A-Za-z]+(?:['-][A-Za-z]+)*"
WORD_RE = re.compile(r"^%s(?: %s)*$" % (WORD, WORD))
# Emoticons spelled with letters only (X-D, XP ...): they pass WORD_RE but are not words.
LETTER_EMOTICONS = {"xd", "x-d", "xp", "x-p"}

VERSION = "3.3.2"


def toml_str(s):
    """A TOML basic string (also used for quoted keys)."""
    out = ['"']
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append("\\u%04x" % ord(ch))
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def toml_float(x):
    """At most two decimals, always with a decimal point (2 -> 2.0)."""
    s = "%.2f" % round(float(x), 2)
    s = s.rstrip("0")
    if s.endswith("."):
        s += "0"
    if s in ("-0.0", "-0"):
        s = "0.0"
    return s


def read_lexicon(path):
    """Return (entries dict in first-seen order, kept_lines, dropped list, duplicate tokens)."""
    entries = {}
    dropped = []
    duplicates = []
    total = 0
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not line.strip():
                continue
            total += 1
            parts = line.split("\t")
            if len(parts) < 2:
                raise SystemExit("%s:%d: expected token<TAB>mean..., got %r" % (path, lineno, line))
            token, mean = parts[0].strip(), float(parts[1])
            if not WORD_RE.match(token) or token.lower() in LETTER_EMOTICONS:
                dropped.append(token)
                continue
            if not -4.0 <= mean <= 4.0:
                raise SystemExit("%s:%d: mean %s out of -4..+4" % (path, lineno, mean))
            if token in entries:
                duplicates.append(token)
            entries[token] = mean  # later line wins, as in VADER's make_lex_dict
    return total, entries, dropped, duplicates


def read_module(path):
    """Extract NEGATE and BOOSTER_DICT from vaderSentiment.py without importing it."""
    with open(path, encoding="utf-8") as fh:
        tree = ast.parse(fh.read(), filename=path)
    consts = {}
    negate = None
    boosters = None

    def value(node):
        if isinstance(node, ast.Name):
            return consts[node.id]
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
            return -value(node.operand)
        return ast.literal_eval(node)

    for stmt in tree.body:
        if not (isinstance(stmt, ast.Assign) and len(stmt.targets) == 1
                and isinstance(stmt.targets[0], ast.Name)):
            continue
        name = stmt.targets[0].id
        if name in ("B_INCR", "B_DECR"):
            consts[name] = float(ast.literal_eval(stmt.value))
        elif name == "NEGATE":
            negate = [str(x) for x in ast.literal_eval(stmt.value)]
        elif name == "BOOSTER_DICT" and isinstance(stmt.value, ast.Dict):
            boosters = []
            for k, v in zip(stmt.value.keys, stmt.value.values):
                boosters.append((ast.literal_eval(k), value(v)))
    if negate is None or boosters is None:
        raise SystemExit("%s: NEGATE or BOOSTER_DICT not found" % path)
    return consts, negate, boosters


def dedupe(seq):
    seen = set()
    out = []
    for x in seq:
        if x not in seen:
            seen.add(x)
            out.append(x)
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("lexicon", help="path to vader_lexicon.txt")
    ap.add_argument("--module", help="path to vaderSentiment.py (default: next to the lexicon)")
    ap.add_argument("-o", "--output", default="-", help="output TOML file (default: stdout)")
    args = ap.parse_args()

    module = args.module or os.path.join(os.path.dirname(os.path.abspath(args.lexicon)),
                                         "vaderSentiment.py")
    total, entries, dropped, duplicates = read_lexicon(args.lexicon)
    consts, negate, boosters = read_module(module)
    negate = dedupe(negate)
    boost_seen = {}
    for k, v in boosters:
        boost_seen[k] = v  # a repeated dict key: the later one wins, as in Python
    kept_lines = total - len(dropped)

    L = []
    L.append("# VADER general-purpose sentiment lexicon, converted to the framelens lexicon format.")
    L.append("#")
    L.append("# Source: vaderSentiment %s (PyPI), files vader_lexicon.txt and vaderSentiment.py." % VERSION)
    L.append("# Hutto, C.J. & Gilbert, E.E. (2014). VADER: A Parsimonious Rule-based Model for")
    L.append("# Sentiment Analysis of Social Media Text. ICWSM-14, Ann Arbor, MI.")
    L.append("# Licence: MIT, Copyright (c) 2016 C.J. Hutto -- see lexicons/VADER-LICENSE.txt.")
    L.append("#")
    L.append("# GENERATED FILE: do not edit by hand; re-run scripts/convert_vader.py instead")
    L.append("# (domain-specific additions belong in lexicons/geopolitics.toml).")
    L.append("#")
    L.append("# Conversion:")
    L.append("#   vader_lexicon.txt has %d entries (lines); %d kept, %d dropped." % (total, kept_lines, len(dropped)))
    L.append("#   Kept: words (letters with optional internal apostrophes or hyphens) and")
    L.append("#   space-separated phrases of such words (\"fed up\", \"can't stand\").")
    L.append("#   Dropped: emoticons and punctuation tokens (\":)\", \"(^_^)\"), tokens with")
    L.append("#   digits (\"h8\", \"n00b\"), and letter-only emoticons (%s)."
             % ", ".join(sorted(LETTER_EMOTICONS)))
    if duplicates:
        L.append("#   %d kept tokens occur twice in the file (%s); as in VADER, the later line wins,"
                 % (len(duplicates), ", ".join(sorted(set(duplicates)))))
        L.append("#   so [stance] has %d distinct terms." % len(entries))
    L.append("#   [stance] weight = VADER mean rating (-4..+4), rounded to at most 2 decimals.")
    L.append("#   [negators] = NEGATE (%d terms); [intensifiers] = BOOSTER_DICT (%d terms)," % (len(negate), len(boost_seen)))
    L.append("#   B_INCR -> %r, B_DECR -> %r (unrounded); multiword entries kept."
             % (consts["B_INCR"], consts["B_DECR"]))
    L.append("#")
    L.append("# Term syntax (same as every framelens lexicon): matching is case-insensitive; a")
    L.append("# term in ALL CAPITALS of 2+ letters matches only in capitals (VADER has none); a")
    L.append("# trailing * matches any continuation of the last word (VADER has none); multiword")
    L.append("# terms are space-separated words; hyphenated words are matched as written.")
    L.append("# Note: VADER was built for social media, so general words such as \"war\" (-2.9)")
    L.append("# carry sentiment here; the domain lexicon is the place for news-specific weights.")
    L.append("")
    L.append("[meta]")
    L.append('name = "vader"')
    L.append('version = %s' % toml_str(VERSION))
    L.append('language = "en"')
    L.append('description = %s' % toml_str(
        "VADER general sentiment lexicon (word entries only), negation words and degree adverbs"))
    L.append('license = %s' % toml_str("MIT; Copyright (c) 2016 C.J. Hutto; see VADER-LICENSE.txt"))
    L.append('source = %s' % toml_str(
        "vaderSentiment %s, https://github.com/cjhutto/vaderSentiment; "
        "Hutto & Gilbert (2014), ICWSM-14" % VERSION))
    L.append("")
    L.append("[stance]")
    for token in sorted(entries, key=lambda t: (t.lower(), t)):
        L.append("%s = %s" % (toml_str(token), toml_float(entries[token])))
    L.append("")
    L.append("[negators]")
    L.append("terms = [")
    for i in range(0, len(negate), 8):
        L.append("  " + " ".join("%s," % toml_str(t) for t in negate[i:i + 8]))
    L.append("]")
    L.append("")
    L.append("[intensifiers]")
    L.append("# > 0 boosts the next sentiment term, < 0 dampens it")
    for k, v in boost_seen.items():
        L.append("%s = %s" % (toml_str(k), repr(float(v))))
    text = "\n".join(L) + "\n"

    if args.output == "-":
        sys.stdout.write(text)
    else:
        os.makedirs(os.path.dirname(os.path.abspath(args.output)), exist_ok=True)
        with open(args.output, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(text)
    sys.stderr.write("kept %d of %d lexicon lines (%d distinct terms), dropped %d; %d negators, %d intensifiers\n"
                     % (kept_lines, total, len(entries), len(dropped), len(negate), len(boost_seen)))


if __name__ == "__main__":
    main()
