#!/usr/bin/env python3
"""Fits the incident clusterer's channel model: a logistic regression of "same happening" on the cosine of each kind of
feature alone (person, organisation, town, province, country, day, figure, word, event kind) and the soft evidence
of two happenings (years, main towns, main countries, main persons apart), over the article pairs that
IncidentSweepTests writes:

    CROSSCHECK_PAIRS=/tmp/pairs.tsv swift test --filter IncidentSweepTests/dumpPairs
    python3 scripts/fit_incident_channels.py /tmp/pairs.tsv

Fitted on the tuning half of ECB+ val only; prints the weights (IncidentConfiguration.channelWeights, channelBias,
yearsWeight, localityWeight2, countryWeight2, personWeight2) and, per set, the best pair recall at precision 0.95,
0.90 and 0.85 beside the single-cosine model's. The clustering floors are then swept on the tuning half
(CROSSCHECK_SWEEP=channels swift test --filter IncidentSweepTests)."""
import csv, sys
import numpy as np
path = sys.argv[1]
rows = list(csv.DictReader(open(path), delimiter="\t"))
CH = ["c_person","c_org","c_locality","c_region","c_country","c_day","c_figure","c_word","c_kind"]
FLAGS = ["years","locality","country","person3"]
def load(name, feats):
    r = [x for x in rows if x["set"] == name]
    X = np.array([[float(x[f]) for f in feats] for x in r]); y = np.array([int(x["same"]) for x in r]); st=np.array([int(x["sametopic"]) for x in r])
    return X, y, st
def fit(X, y, l2=1e-2):
    X1 = np.hstack([X, np.ones((len(X),1))]); w = np.zeros(X1.shape[1])
    for _ in range(60):
        p = 1/(1+np.exp(-X1@w)); H = X1.T@(X1*(p*(1-p))[:,None]) + l2*np.eye(len(w)); w -= np.linalg.solve(H, X1.T@(p-y)+l2*w)
    return w
def curve(p, y, name):
    order = np.argsort(-p); tp=0; best={}
    out=[]
    for target in (0.95, 0.9, 0.85):
        # max recall with precision >= target
        tps = np.cumsum(y[order]); k = np.arange(1,len(y)+1); prec = tps/k; rec = tps/y.sum()
        ok = np.where(prec >= target)[0]
        out.append(f"R@P{target}={rec[ok].max() if len(ok) else 0:.3f}")
    return name+": "+" ".join(out)
for feats,label in [(["sim"]+FLAGS,"current sim+flags"),(CH+FLAGS,"channels+flags"),(["sim"]+CH+FLAGS,"sim+channels+flags")]:
    X,y,_ = load("tune",feats); w = fit(X,y)
    print(label, "weights", dict(zip(feats+["bias"], np.round(w,2))))
    for name in ["tune","held","test"]:
        X,y,_ = load(name,feats); p = 1/(1+np.exp(-np.hstack([X,np.ones((len(X),1))])@w))
        print("  ", curve(p,y,name))
