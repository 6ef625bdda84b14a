#!/usr/bin/env python3
"""Baseline for target-dependent stance (issue 15): a plain bag-of-words logistic regression.

Fitted on a training file, measured on another (JSONL: text, target_start, target_end as
character offsets, label -1/0/1). The target mention is replaced by a placeholder token
(TARGET), so the model cannot learn names; features are word uni- and bigrams of the masked
sentence (CountVectorizer, min_df 2, binary) plus position features: the same words marked by
their side of the target (L_word / R_word) and by distance bucket (near: within 5 words of the
target). Multinomial logistic regression (liblinear-free lbfgs), class_weight balanced, C chosen
by 5-fold cross-validation on the training file only. Deterministic (no shuffling).

    python3 benches/baselines/bow_logreg.py --train ../shared/data/newsmtsc_train.jsonl \
        --test ../shared/data/newsmtsc_devtest_rw.jsonl [--test fixtures/stance/gold.jsonl]
"""
import argparse
import json
import re

from sklearn.feature_extraction.text import CountVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import GridSearchCV, StratifiedKFold
from scipy.sparse import hstack

WORD = re.compile(r"[A-Za-z0-9']+|[^\sA-Za-z0-9]")


def load(path):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                rows.append(json.loads(line))
    return rows


def masked(r):
    t = r["text"]
    return t[: r["target_start"]] + " TARGET " + t[r["target_end"] :]


def positional(r):
    t = r["text"]
    left = WORD.findall(t[: r["target_start"]].lower())
    right = WORD.findall(t[r["target_end"] :].lower())
    out = ["L_" + w for w in left] + ["R_" + w for w in right]
    out += ["N_" + w for w in left[-5:] + right[:5]]
    out.append("POS_start" if len(left) <= 2 else "POS_mid")
    return " ".join(out)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--train", required=True)
    ap.add_argument("--test", action="append", required=True)
    ap.add_argument("--also", help="in-domain items fitted on too (only split --also-split)")
    ap.add_argument("--also-split", default="dev")
    ap.add_argument("--also-weight", type=float, default=1.0)
    args = ap.parse_args()
    train = load(args.train)
    weights = [1.0] * len(train)
    if args.also:
        extra = [r for r in load(args.also) if r.get("split") == args.also_split]
        train += extra
        weights += [args.also_weight] * len(extra)
    y = [r["label"] for r in train]
    bow = CountVectorizer(ngram_range=(1, 2), min_df=2, binary=True, lowercase=True)
    pos = CountVectorizer(min_df=2, binary=True, lowercase=False, token_pattern=r"\S+")
    X = hstack([bow.fit_transform([masked(r) for r in train]),
                pos.fit_transform([positional(r) for r in train])]).tocsr()
    grid = GridSearchCV(
        LogisticRegression(max_iter=3000, class_weight="balanced"),
        {"C": [0.03, 0.1, 0.3, 1.0]},
        scoring="f1_macro",
        cv=StratifiedKFold(5, shuffle=False),
    )
    grid.fit(X, y, sample_weight=weights)
    print(f"train {args.train}: {len(train)} items, {X.shape[1]} features, "
          f"C {grid.best_params_['C']}, 5-fold CV macro-F1 {grid.best_score_:.4f}")
    for path in args.test:
        test = load(path)
        Xt = hstack([bow.transform([masked(r) for r in test]),
                     pos.transform([positional(r) for r in test])]).tocsr()
        pred = grid.predict(Xt)
        gold = [r["label"] for r in test]
        print(f"{path}: {len(test)} items, macro-F1 {f1_score(gold, pred, average='macro'):.4f}")
        splits = sorted({r.get("split") for r in test if r.get("split")})
        for s in splits:
            idx = [i for i, r in enumerate(test) if r.get("split") == s]
            f = f1_score([gold[i] for i in idx], [pred[i] for i in idx], average="macro")
            print(f"  split {s}: {len(idx)} items, macro-F1 {f:.4f}")


if __name__ == "__main__":
    main()
