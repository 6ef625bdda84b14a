#!/usr/bin/env python3
"""How far a one-score lexicon can go on NewsMTSC (issue 15): the words of the target's sentence,
each weighted by its distance from the target as framelens's scorer weighs a term
(1 / (1 + d / PROXIMITY)), fitted on the training file and measured on devtest_rw.
(a) multinomial logistic regression over them (three classes, any word may favour "neutral");
(b) one score per item, as a lexicon gives: ridge regression on the label (-1/0/1, classes
balanced) with the neutral band chosen by 5-fold cross-validation on the training file.

    python3 benches/baselines/ceiling.py [PROXIMITY] [MIN_ITEMS]    # defaults 20 and 3
"""
import json,re,sys
import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression, Ridge
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold
W=re.compile(r"[A-Za-z][A-Za-z']*")
def load(p): return [json.loads(l) for l in open(p) if l.strip()]
tr=load('../shared/data/newsmtsc_train.jsonl'); te=load('../shared/data/newsmtsc_devtest_rw.jsonl')
PROX=float(sys.argv[1]) if len(sys.argv)>1 else 20
def feats(r):
    t=r['text']; L=W.findall(t[:r['target_start']].lower()); R=W.findall(t[r['target_end']:].lower())
    f={}
    for i,w in enumerate(reversed(L)): f[w]=f.get(w,0)+1/(1+i/PROX)
    for i,w in enumerate(R): f[w]=f.get(w,0)+1/(1+i/PROX)
    return f
vocab={}
for r in tr:
    for w in feats(r): vocab[w]=vocab.get(w,0)+1
MIN=int(sys.argv[2]) if len(sys.argv)>2 else 3
idx={w:i for i,w in enumerate(sorted(w for w,c in vocab.items() if c>=MIN))}
def mat(rows):
    d,ri,ci=[],[],[]
    for k,r in enumerate(rows):
        for w,v in feats(r).items():
            if w in idx: d.append(v);ri.append(k);ci.append(idx[w])
    return csr_matrix((d,(ri,ci)),shape=(len(rows),len(idx)))
X=mat(tr); y=np.array([r['label'] for r in tr]); Xt=mat(te); yt=np.array([r['label'] for r in te])
print('features',len(idx))
for C in [0.1,0.3,1]:
    m=LogisticRegression(C=C,max_iter=3000,class_weight='balanced').fit(X,y)
    print('multinomial C',C,'devtest',round(f1_score(yt,m.predict(Xt),average='macro'),4))
# ordinal-ish: ridge score, thresholds tuned on train CV predictions
cw={c:len(y)/(3*(y==c).sum()) for c in (-1,0,1)}
sw=np.array([cw[c] for c in y])
for a in [3,10,30]:
    oof=np.zeros(len(y))
    for trn,val in StratifiedKFold(5).split(X,y):
        oof[val]=Ridge(alpha=a).fit(X[trn],y[trn],sample_weight=sw[trn]).predict(X[val])
    best=(0,0,0)
    for lo in np.arange(-0.6,0.2,0.02):
        for hi in np.arange(-0.2,0.6,0.02):
            if hi<=lo: continue
            p=np.where(oof<lo,-1,np.where(oof>hi,1,0)); f=f1_score(y,p,average='macro')
            if f>best[0]: best=(f,lo,hi)
    m=Ridge(alpha=a).fit(X,y,sample_weight=sw); s=m.predict(Xt)
    p=np.where(s<best[1],-1,np.where(s>best[2],1,0))
    print('ordinal ridge a',a,'cv',round(best[0],4),'band',round(best[1],2),round(best[2],2),'devtest',round(f1_score(yt,p,average='macro'),4))
