#!/usr/bin/env bash
# Ingest benchmark: all of Reuters-21578 and the BBC news set into a fresh store, on 1 and on 2
# cores (one core: pinned with taskset to CPU 0, so the writer thread shares it); articles per
# second, database size and peak memory (GNU time's maximum RSS).
# Usage: scripts/bench-ingest.sh [../shared/data] [herald binary]
set -euo pipefail
DATA=${1:-../shared/data}
HERALD=${2:-target/release/herald}
OUT=$(mktemp -d)
BBC=$(find "$DATA/bbc-news" -name '*.txt' | sort)
NBBC=$(echo "$BBC" | wc -l)
echo "inputs: $DATA/reuters-21578/*.sgm and $NBBC BBC files (dated 2005-01-01: the set has no dates)"
for t in 1 2; do
  db="$OUT/bench-$t.db"
  PIN=""; [ "$t" = 1 ] && PIN="taskset -c 0"
  /usr/bin/time -f "peak_rss_kb=%M wall_s=%e cpu_s=%U+%S" -o "$OUT/time-$t" \
    $PIN "$HERALD" ingest --db "$db" --threads "$t" --date 2005-01-01 \
    "$DATA"/reuters-21578/*.sgm $BBC 2> "$OUT/log-$t" || true
  grep -E "^(ingest|store)" "$OUT/log-$t" | sed "s/^/cores=$t /"
  echo "cores=$t $(cat "$OUT/time-$t") db_bytes=$(du -cb "$db"* | tail -1 | cut -f1)"
done
"$HERALD" query stats --db "$OUT/bench-1.db" --json | tr -d '\n '; echo
echo "store kept in $OUT"
