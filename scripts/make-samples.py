#!/usr/bin/env python3
"""Rebuild samples/news.jsonl: the seed article plus Wikinews articles (CC BY 2.5) whose text
GUM carries. Only the article text is taken (not GUM's annotations), from GUM's train split.

    python3 scripts/make-samples.py ../shared > samples/news.jsonl
"""
import json, os, sys

shared = sys.argv[1]
seed = open(os.path.join(shared, "examples/seed-article.txt"), encoding="utf-8").read().strip()
print(json.dumps({"id": "seed-article", "date": "2025-05-21", "source": "wire (herald seed example)", "text": seed}, ensure_ascii=False))

docs = ["GUM_news_afghan", "GUM_news_asylum", "GUM_news_defector", "GUM_news_election", "GUM_news_ie9", "GUM_news_imprisoned"]
for d in docs:
    path = os.path.join(shared, "data/gum/dep", d + ".conllu")
    if not os.path.exists(path):
        continue
    paras, cur, meta = [], [], {}
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# meta::"):
            k, _, v = line[8:].partition(" = ")
            meta[k] = v
        if line.startswith("# newpar") and cur:
            paras.append(" ".join(cur)); cur = []
        if line.startswith("# text = "):
            cur.append(line[9:])
    if cur:
        paras.append(" ".join(cur))
    title, body = paras[0], "\n\n".join(paras[1:])
    print(json.dumps({"id": d.replace("GUM_news_", "wikinews-"), "date": meta.get("dateCreated", "")[:10] or None,
                      "url": meta.get("sourceURL"), "source": "Wikinews (CC BY 2.5)", "title": title, "text": body}, ensure_ascii=False))
