#!/usr/bin/env bash
# An in-domain error sample from the training data, without reading a test file: WiNER train split in two by
# article (MD5 of the article id before the colon, modulo 2), the shipped recipe trained with the first half in place
# of the whole, and the model alone scored on the second half with the errors counted by kind. The training command
# is README's ("Rebuilding the embedded data") with that one file changed: keep the two in step.
# docs/research/data-mix.md ("A larger in-domain error sample") reports its figures.
#
# Usage: scripts/winer-halves.sh [WORKDIR]   (default: a new temporary folder; about 8 minutes and 2.7 GB)
#   DATA  environment variable, the ner/ folder (default: ../shared/data/ner beside the repository)
# Needs a Release build (dotnet build EntityExtraction.sln -c Release) and python3. Writes only into WORKDIR.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${DATA:-$root/../shared/data/ner}"
work="${1:-$(mktemp -d)}"
mkdir -p "$work"
cli="$root/src/EntityExtraction.Training.Cli/bin/Release/net10.0/entity-extraction-train.dll"
[[ -f "$cli" ]] || { echo "winer-halves: $cli not found; build with: dotnet build EntityExtraction.sln -c Release" >&2; exit 1; }

python3 - "$data/train/winer.jsonl" "$work" <<'PY'
import hashlib, json, sys
source, work = sys.argv[1], sys.argv[2]
with open(f"{work}/winer-a.jsonl", "w", encoding="utf-8") as a, open(f"{work}/winer-b.jsonl", "w", encoding="utf-8") as b, \
        open(source, encoding="utf-8") as records:
    for line in records:
        article = json.loads(line)["id"].split(":")[0]
        (a, b)[int(hashlib.md5(article.encode()).hexdigest(), 16) % 2].write(line)
PY

export SOURCE_DATE_EPOCH=1795996800
dotnet "$cli" train --learner crf \
  --train "$data/train/sequoia.conll" "$data/train/europeana.conll" "$data/train/newseye.conll" "$data/train/wikiann.conll@0.5@retok" \
          "$work/winer-a.jsonl" "$data/train/news-fr-written.jsonl@2" \
  --names-from "$data/train/wikiann.conll" \
  --dev "$data/dev/sequoia.conll" "$data/dev/europeana.conll" "$data/dev/news-fr-dev.jsonl" "$data/dev/winer.jsonl" \
  --clusters 256 1024 --cluster-text "$data/../unlabelled/assemblee-nationale-debats/debats-2013-2018.txt" \
  --iterations 300 --out "$work/half-a.nermodel" > "$work/train.log"
# Model alone: the default gazetteer holds names harvested from the whole of WiNER train, the second half included.
dotnet "$cli" evaluate --model "$work/half-a.nermodel" --no-gazetteer --jsonl "$work/winer-b.jsonl" \
  --error-kinds --predictions "$work/half-b-predictions.jsonl"
