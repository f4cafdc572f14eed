#!/bin/bash
# Cold start of the whole `extract` process: runs it N times (default 15) on one sentence, each a fresh process
# (runtime start-up, model and gazetteer load, first tagging), and prints the median, min and max wall time in ms.
# usage: bash tests/EntityExtraction.Benchmarks/cold-start.sh [N]   (from the repository root)
set -euo pipefail
n=${1:-15}
dotnet build -c Release src/EntityExtraction.Cli > /dev/null
cli=src/EntityExtraction.Cli/bin/Release/net10.0/entity-extraction
for _ in $(seq "$n"); do
  start=$(date +%s%N)
  echo "Paris et Lyon." | "$cli" extract - --format json > /dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
done | sort -n | awk '{ t[NR] = $1 } END { printf "median %d ms, min %d ms, max %d ms over %d runs\n", t[int((NR + 1) / 2)], t[1], t[NR], NR }'
