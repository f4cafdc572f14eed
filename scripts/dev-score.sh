#!/usr/bin/env bash
# The dev selection criterion of a model, end to end (raw text through Extract), on one line:
#   criterion = mean exact micro F1 of the default pipeline (model + gazetteer) over
#   dev/winer.jsonl (counted twice), dev/news-fr-dev.jsonl, dev/sequoia.conll, dev/europeana.conll, dev/wikiann.conll,
# then each set's F1, WiNER dev ORG F1, and the same criterion for the model alone (--no-gazetteer).
#
# Usage: scripts/dev-score.sh MODEL|default [extra evaluate arguments...]
#   MODEL    a trained model file, or "default" for the embedded model
#   DATA     environment variable, the ner/ folder (default: ../shared/data/ner beside the repository)
#   CLI      environment variable, the built CLI (default: the Release build of this checkout)
# Needs a Release build (dotnet build EntityExtraction.sln -c Release) and python3. Reads dev/ only.
set -euo pipefail
if [[ $# -lt 1 ]]; then
  sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="${DATA:-$root/../shared/data/ner}"
cli="${CLI:-$root/src/EntityExtraction.Training.Cli/bin/Release/net10.0/entity-extraction-train.dll}"
model="$1"; shift
[[ -f "$cli" ]] || { echo "dev-score: $cli not found; build with: dotnet build EntityExtraction.sln -c Release" >&2; exit 1; }
model_args=()
if [[ "$model" != default ]]; then
  [[ -f "$model" ]] || { echo "dev-score: model '$model' not found" >&2; exit 1; }
  model_args=(--model "$model")
fi
tmp="$(mktemp -d)"; trap 'rm -rf "$tmp"' EXIT
files=(--jsonl "$data/dev/winer.jsonl" "$data/dev/news-fr-dev.jsonl" --conll "$data/dev/sequoia.conll" "$data/dev/europeana.conll" "$data/dev/wikiann.conll")
dotnet "$cli" evaluate "${model_args[@]}" "${files[@]}" --json "$@" > "$tmp/pipeline.json"
dotnet "$cli" evaluate "${model_args[@]}" "${files[@]}" --json --no-gazetteer "$@" > "$tmp/alone.json"
python3 - "$tmp/pipeline.json" "$tmp/alone.json" <<'PY'
import json, os, sys
names = {"winer.jsonl": "winer", "news-fr-dev.jsonl": "news", "sequoia.conll": "sequoia", "europeana.conll": "europeana", "wikiann.conll": "wikiann"}
weights = {"winer": 2, "news": 1, "sequoia": 1, "europeana": 1, "wikiann": 1}
def load(path):
    return {names[os.path.basename(r["file"])]: r for r in json.load(open(path))}
def criterion(results):
    return sum(weights[n] * results[n]["micro"]["f1"] for n in weights) / sum(weights.values())
pipeline, alone = load(sys.argv[1]), load(sys.argv[2])
sets = " ".join(f"{n} {pipeline[n]['micro']['f1']:.2f}" for n in weights)
alone_sets = " ".join(f"{n} {alone[n]['micro']['f1']:.2f}" for n in weights)
print(f"criterion {criterion(pipeline):.2f} | {sets} | winer-ORG {pipeline['winer']['types']['ORG']['f1']:.2f} "
      f"| model alone {criterion(alone):.2f} ({alone_sets}; winer-ORG {alone['winer']['types']['ORG']['f1']:.2f})")
PY
