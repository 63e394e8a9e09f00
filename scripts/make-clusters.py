#!/usr/bin/env python3
"""Rebuild models/clusters.tsv.gz: Brown clusters from spaCy's spacy-lookups-data (MIT).

    pip download --no-deps spacy-lookups-data==1.0.5 -d /tmp/dl
    cd /tmp/dl && unzip -o -q spacy_lookups_data-1.0.5-py2.py3-none-any.whl 'spacy_lookups_data/data/en_lexeme_*'
    python3 scripts/make-clusters.py /tmp/dl/spacy_lookups_data/data models/clusters.tsv.gz

Output: one "word<TAB>cluster" line per word with a cluster, most probable words first. The cluster
integer holds the Brown path with its first bit lowest, so `c & ((1 << k) - 1)` is the k-bit prefix.
"""
import gzip, json, sys

src, out = sys.argv[1], sys.argv[2]
clusters = json.load(gzip.open(f"{src}/en_lexeme_cluster.json.gz"))
prob = json.load(gzip.open(f"{src}/en_lexeme_prob.json.gz"))
items = [(w, v) for w, v in clusters.items() if v and w and w.strip() == w and "\t" not in w and "\n" not in w]
items.sort(key=lambda x: (-prob.get(x[0], -30), x[0]))
with gzip.GzipFile(out, "wb", mtime=0) as f:
    for w, v in items:
        f.write(f"{w}\t{v}\n".encode())
print(f"{len(items)} words -> {out}")
