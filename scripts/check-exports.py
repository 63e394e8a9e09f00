#!/usr/bin/env python3
"""Read herald's exports with the tools analysts use: the Parquet events with pandas (pyarrow),
polars and DuckDB, and the GDELT Event/Mentions/GKG files with pandas as GDELT's own loaders
read them (tab-separated, no header, GDELT's column counts). Prints one line per check.

With ../shared/data/gdeltPyR present (GDELT's published column lists, read there, not copied),
the GDELT files are loaded under GDELT's column names and every INTEGER and FLOAT column must
parse as such.

Usage: scripts/check-exports.py events.parquet events.tsv mentions.tsv gkg.tsv [gdeltPyR dir]
Needs: pip install duckdb polars pandas pyarrow
"""
import csv
import os
import sys

import duckdb
import pandas as pd
import polars as pl

parquet, events, mentions, gkg = sys.argv[1:5]
a = pd.read_parquet(parquet)
b = pl.read_parquet(parquet)
c = duckdb.sql(f"SELECT count(*), sum(NumMentions), count(DISTINCT Actor1Code) FROM '{parquet}'").fetchall()[0]
assert len(a) == b.height == c[0], (len(a), b.height, c)
assert int(a["NumMentions"].sum()) == int(b["NumMentions"].sum()) == int(c[1])
print(f"parquet: rows={len(a)} pandas=ok polars=ok duckdb=ok columns={len(a.columns)} "
      f"sum_NumMentions={int(c[1])} actors={c[2]}")
top = duckdb.sql(f"SELECT Actor1Code, Actor2Code, count(*) n FROM '{parquet}' WHERE Actor2Code IS NOT NULL "
                 "GROUP BY 1, 2 ORDER BY n DESC LIMIT 3").fetchall()
print(f"parquet: top dyads {top}")
COLS = sys.argv[5] if len(sys.argv) > 5 else "../shared/data/gdeltPyR"


def gdelt_columns(name):
    """GDELT's (name, type) columns of a table, from gdeltPyR's column lists."""
    files = {
        "gdelt-events": "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv",
        "gdelt-mentions": "GDELT_2.0_eventMentions_Column_Labels_Header_Row_Sep2016.tsv",
        "gkg": "GDELT_2.0_gdeltKnowledgeGraph_Column_Labels_Header_Row_Sep2016.tsv",
    }
    path = os.path.join(COLS, files[name])
    if not os.path.exists(path):
        return None
    with open(path, encoding="utf-8") as f:
        if path.endswith(".csv"):
            rows = list(csv.reader(f))[1:]
            return [(r[0], r[1]) for r in rows]
        rows = [line.rstrip("\n").split("\t") for line in f][1:]
        return [(r[1], r[2]) for r in rows]


for name, path, ncols in [("gdelt-events", events, 61), ("gdelt-mentions", mentions, 16), ("gkg", gkg, 27)]:
    cols = gdelt_columns(name)
    names = [c for c, _ in cols] if cols else None
    df = pd.read_csv(path, sep="\t", header=None, names=names, dtype=str, quoting=3, keep_default_na=False)
    assert df.shape[1] == ncols, (name, df.shape)
    checked = 0
    for col, kind in cols or []:
        values = df[col][df[col] != ""]
        if kind == "INTEGER":
            pd.to_numeric(values, errors="raise", downcast="integer")
            assert all(v.lstrip("-").isdigit() for v in values), (name, col)
            checked += 1
        elif kind == "FLOAT":
            pd.to_numeric(values, errors="raise")
            checked += 1
    print(f"{name}: rows={df.shape[0]} columns={df.shape[1]} (GDELT: {ncols}) pandas=ok"
          + (f" typed_columns_checked={checked} under GDELT's names" if cols else ""))
