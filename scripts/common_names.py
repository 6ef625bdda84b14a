#!/usr/bin/env python3
"""Writes data/names.toml: the commonest US surnames and given names (1990 US Census name
files, a public-domain work of the US government), as token keys.

The census files ship in the PyPI sdist `names` 0.3.0 (names/dist.all.last, dist.male.first,
dist.female.first). Usage:

    pip download names==0.3.0 --no-deps --no-binary :all: -d /tmp/names
    tar xzf /tmp/names/names-0.3.0.tar.gz -C /tmp/names
    python3 scripts/common_names.py /tmp/names/names-0.3.0/names \
        ../shared/data/fakes_syria.jsonl ../shared/data/newsmtsc_train.jsonl > data/names.toml

Surnames: the first SURNAMES of dist.all.last (by frequency). Given names: the first GIVEN of
each of the male and female lists, less the ones that are also ordinary words: a name written in
lowercase in the corpora given at least a third as often as capitalised ("will", "may", "hope",
"major", "don"), and the months and weekdays.

    python3 scripts/common_names.py --gender /tmp/names/names-0.3.0/names data/names.toml

prints the census part of `[gender]` (names one sex bears ten times as often as the other); the
`[given] regional` and `[given] ordinary` lists and the region's genders are written by hand.
"""
import collections
import json
import re
import sys

SURNAMES = 1000
GIVEN = 1000
CALENDAR = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday",
}


def first(path, n):
    out = []
    for line in open(path):
        w = line.split()[0].lower()
        if w.isalpha() and w not in out:
            out.append(w)
        if len(out) == n:
            break
    return out


def wrap(text):
    lines, line = [], "#"
    for w in text.split():
        if len(line) + 1 + len(w) > 96:
            lines.append(line)
            line = "#"
        line += " " + w
    return "\n".join(lines + [line]) + "\n"


def gender(folder, given):
    """The census part of `[gender]`: each given name of `given` whose share among one sex is
    at least ten times its share among the other (dist.*.first list each name's share)."""
    def shares(path):
        out = {}
        for line in open(path):
            name, share = line.split()[:2]
            out.setdefault(name.lower(), float(share))
        return out
    male, female = shares(f"{folder}/dist.male.first"), shares(f"{folder}/dist.female.first")
    men = [g for g in given if male.get(g, 0) >= 10 * female.get(g, 0)]
    women = [g for g in given if female.get(g, 0) >= 10 * male.get(g, 0)]
    return men, women


def main():
    if sys.argv[1] == "--gender":
        # scripts/common_names.py --gender FOLDER data/names.toml: the census names of
        # `[gender]` for the given names the file lists (`common`, then `ordinary`); the
        # region's are added by hand after them.
        import tomllib
        names = tomllib.load(open(sys.argv[3], "rb"))["given"]
        men, women = gender(sys.argv[2], names["common"] + names.get("ordinary", []))
        print("male =", json.dumps(men))
        print("female =", json.dumps(women))
        return
    folder, corpora = sys.argv[1], sys.argv[2:]
    surnames = first(f"{folder}/dist.all.last", SURNAMES)
    given = list(dict.fromkeys(first(f"{folder}/dist.male.first", GIVEN)
                               + first(f"{folder}/dist.female.first", GIVEN)))
    lower, cap = collections.Counter(), collections.Counter()
    for path in corpora:
        for line in open(path):
            for w in re.findall(r"[A-Za-z]+", json.loads(line)["text"]):
                if w.islower():
                    lower[w] += 1
                elif w[0].isupper() and w[1:].islower():
                    cap[w.lower()] += 1
    words = [g for g in given if lower[g] > 0 and 3 * lower[g] >= cap[g]]
    given = [g for g in given if g not in words and g not in CALENDAR]
    out = sys.stdout
    out.write(
        "# framelens common names: the commonest US surnames and given names, as token keys.\n"
        "#\n"
        "# Built by scripts/common_names.py from the 1990 US Census name files (a public-domain\n"
        "# work of the US government; shipped in the PyPI sdist `names` 0.3.0): the first\n"
        f"# {SURNAMES} surnames and the first {GIVEN} male and {GIVEN} female given names by\n"
        "# frequency, less given names that are also ordinary words in FA-KES and NewsMTSC train\n"
        + wrap(f"({', '.join(words)}) and the months and weekdays.")
        + "#\n"
        "# Used by the actor matcher (src/actors): a bare surname on this list resolves only to a\n"
        "# person the article names in full, before or after it (\"Johnson\", \"Carter\",\n"
        "# \"Rice\" are many people); a given name on this list before a one-word name makes it someone\n"
        "# else's (\"Lisa Wagner\", \"Justin Sullivan\"), and a surname that is a given name on\n"
        "# this list before another name is someone else's given name (\"Jeffrey Epstein\",\n"
        "# \"Jeffrey Sachs\"). Compiled into the binary; checked like the other data files (one\n"
        "# token key per entry, none twice: an error names file:line:col).\n\n"
        "[meta]\n"
        'name = "us-census-1990-common-names"\n'
        'version = "1.0.0"\n\n'
        "[surnames]\n"
    )

    def block(name, items):
        out.write(f"{name} = [\n")
        line = " "
        for w in items:
            item = f' "{w}",'
            if len(line) + len(item) > 99:
                out.write(line + "\n")
                line = " "
            line += item
        out.write(line + "\n]\n")

    block("common", surnames)
    out.write("\n[given]\n")
    block("common", given)


main()
