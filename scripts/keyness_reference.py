#!/usr/bin/env python3
"""Writes fixtures/keyness/table.json: a fixed count table and the z-scores of the independent
log-odds implementation in ../shared/bench/peers.py (numpy), for the keyness test (1e-9).

    python3 scripts/keyness_reference.py
"""
import json
import os
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "..", "shared", "bench"))
from peers import log_odds  # noqa: E402  (the peer implementation, unchanged)

terms = ["terrorists", "rebels", "syrian government", "assad regime", "liberation", "fall",
         "resistance", "militias", "civilians", "talks", "the", "aleppo"]
y_a = np.array([120, 3, 80, 2, 40, 1, 55, 4, 30, 25, 900, 60], dtype=float)
y_b = np.array([5, 140, 6, 90, 2, 35, 3, 70, 45, 28, 1100, 75], dtype=float)
prior = y_a + y_b + 0.01
z = log_odds(y_a, y_b, prior)
out = {"terms": terms, "a": y_a.tolist(), "b": y_b.tolist(), "prior": "a + b + 0.01",
       "z": [float(x) for x in z], "source": "shared/bench/peers.py log_odds, numpy " + np.__version__}
path = os.path.join(HERE, "..", "fixtures", "keyness", "table.json")
with open(path, "w") as f:
    json.dump(out, f, indent=1)
    f.write("\n")
print(path)
