#!/usr/bin/env python3
"""Fits the incident clusterer's soft penalties: a logistic regression of "same happening" on the cosine of two
articles' profiles and the soft-evidence flags, over the pairs that IncidentSweepTests writes:

    CROSSCHECK_PAIRS=/tmp/pairs.tsv swift test --filter IncidentSweepTests/dumpPairs
    python3 scripts/fit_incident_penalties.py /tmp/pairs.tsv

Fitted on the tuning half of ECB+ val only; prints precision/recall of the pair rule on every set. A penalty in
IncidentConfiguration is the flag's weight divided by the cosine's weight (cosine units)."""
import csv, sys
import numpy as np

FEATURES = ["sim", "years", "locality", "country", "person3", "days"]

def load(path, name):
    rows = [r for r in csv.DictReader(open(path), delimiter="\t") if r["set"] == name]
    x = np.array([[float(r[f]) for f in FEATURES] for r in rows])
    return x, np.array([int(r["same"]) for r in rows])

def fit(x, y, l2=1e-3):
    x1 = np.hstack([x, np.ones((len(x), 1))])
    w = np.zeros(x1.shape[1])
    for _ in range(50):  # Newton steps
        p = 1 / (1 + np.exp(-x1 @ w))
        h = x1.T @ (x1 * (p * (1 - p))[:, None]) + l2 * np.eye(len(w))
        w -= np.linalg.solve(h, x1.T @ (p - y) + l2 * w)
    return w

path = sys.argv[1] if len(sys.argv) > 1 else "/tmp/pairs.tsv"
w = fit(*load(path, "tune"))
print("weights:", dict(zip(FEATURES + ["bias"], np.round(w, 3))))
print("penalties (cosine units):", {f: round(-w[k] / w[0], 3) for k, f in enumerate(FEATURES) if k > 0})
for name in ["tune", "held", "test"]:
    x, y = load(path, name)
    p = 1 / (1 + np.exp(-np.hstack([x, np.ones((len(x), 1))]) @ w))
    cells = []
    for t in (0.5, 0.6, 0.7):
        hit = ((p >= t) & (y == 1)).sum()
        cells.append(f"p>={t}: P {hit / max(1, (p >= t).sum()):.3f} R {hit / y.sum():.3f}")
    print(f"{name}: " + " | ".join(cells))
