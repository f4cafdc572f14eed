#!/usr/bin/env bash
# Whole-process benchmark (issue #15): what a user of the command line waits for, start-up included.
#
#   bash tests/EntityExtraction.Benchmarks/whole-process.sh [RUNS]     (from the repository root; RUNS default 5)
#
# Builds the extraction tool twice — Native AOT for this machine (what `dotnet tool install` gives on linux-x64) and
# framework-dependent (`dotnet entity-extraction.dll`, what other platforms get) —, makes the WikiNEuRal test set as
# plain text (one sentence a line, tokens joined by spaces: 305,500 tokens), then times RUNS paired runs of each
# contender on that file and on one sentence, and prints medians of wall time and peak RSS.
#
# The peer, when the Debian package `opennlp` is installed: Apache OpenNLP's TokenNameFinder, trained once with
# `opennlp TokenNameFinderTrainer -lang fr` (default settings) on every file of ../shared/data/ner/train (exported
# by `entity-extraction-train export-opennlp`: CoNLL on its gold tokens, JSONL tokenized by our tokenizer), tagging
# the same file, already tokenized. The trained OpenNLP model is cached in the work folder (delete it to retrain).
# Every output goes to /dev/null. Needs /usr/bin/time (Debian package `time`).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
runs=${1:-5}
data=${DATA:-../shared/data/ner}
work=${WORK:-artifacts/whole-process}
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "whole-process: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

echo "== building (Native AOT for $(uname -m), framework-dependent, training tool)" >&2
dotnet publish src/EntityExtraction.Cli -c Release -r linux-x64 -o "$work/aot" > "$work/publish.log"
dotnet build src/EntityExtraction.Cli -c Release > /dev/null
dotnet build src/EntityExtraction.Training.Cli -c Release > /dev/null
aot="$work/aot/entity-extraction"
jit="src/EntityExtraction.Cli/bin/Release/net10.0/entity-extraction.dll"
train="src/EntityExtraction.Training.Cli/bin/Release/net10.0/entity-extraction-train.dll"

input="$work/wikineural-test.txt"
awk 'BEGIN{ORS="";first=1} /^$/ {print "\n"; first=1; next} {split($0,a,"\t"); if(!first) print " "; print a[1]; first=0}' \
  "$data/eval-only/wikineural-test.conll" > "$input"
tokens=$(wc -w < "$input")
one="$work/one-sentence.txt"
echo "Sylvain Rolland, journaliste à La Tribune, a interrogé IBM et Meta à Paris." > "$one"

opennlp_model="$work/opennlp-fr-ner.bin"
if command -v opennlp > /dev/null; then
  if [ ! -f "$opennlp_model" ]; then
    echo "== training the OpenNLP peer (once; cached in $opennlp_model)" >&2
    dotnet "$train" export-opennlp "$data"/train/*.conll "$data"/train/*.jsonl --out "$work/opennlp-train.txt"
    opennlp TokenNameFinderTrainer -lang fr -data "$work/opennlp-train.txt" -model "$opennlp_model" > "$work/opennlp-train.log" 2>&1
  fi
else
  echo "== opennlp is not installed (apt-get install opennlp): our tool alone" >&2
  opennlp_model=""
fi

# One timed run: "wall_seconds peak_kb" on standard output.
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" > /dev/null 2> "$work/stderr.txt" || { cat "$work/stderr.txt" >&2; exit 1; }
  cat "$work/time.txt"
}

: > "$work/runs.txt"
echo "== $runs paired runs on $input ($tokens tokens)" >&2
for run in $(seq "$runs"); do
  echo "aot-file $(measure "$aot" extract "$input" --format jsonl)" >> "$work/runs.txt"
  echo "jit-file $(measure dotnet "$jit" extract "$input" --format jsonl)" >> "$work/runs.txt"
  if [ -n "$opennlp_model" ]; then
    echo "opennlp-file $(measure sh -c "opennlp TokenNameFinder '$opennlp_model' < '$input'")" >> "$work/runs.txt"
  fi
  echo "aot-one $(measure "$aot" extract "$one" --format jsonl)" >> "$work/runs.txt"
  echo "jit-one $(measure dotnet "$jit" extract "$one" --format jsonl)" >> "$work/runs.txt"
  echo "run $run/$runs done" >&2
done

awk -v tokens="$tokens" '
  { wall[$1] = wall[$1] " " $2; rss[$1] = rss[$1] " " $3 }
  function median(list,   n, v, i, j, t) {
    n = split(list, v, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (v[j] + 0 < v[i] + 0) { t = v[i]; v[i] = v[j]; v[j] = t }
    return n % 2 ? v[(n + 1) / 2] : (v[n / 2] + v[n / 2 + 1]) / 2
  }
  END {
    printf "%-40s %8s %10s %12s\n", "whole process (median)", "wall s", "peak MB", "tokens/s"
    names["aot-file"] = "entity-extraction, Native AOT, file"
    names["jit-file"] = "entity-extraction, dotnet (JIT), file"
    names["opennlp-file"] = "OpenNLP 2.1 TokenNameFinder, file"
    names["aot-one"] = "entity-extraction, Native AOT, 1 sentence"
    names["jit-one"] = "entity-extraction, dotnet (JIT), 1 sentence"
    split("aot-file jit-file opennlp-file aot-one jit-one", order, " ")
    for (k = 1; k <= 5; k++) {
      c = order[k]; if (!(c in wall)) continue
      w = median(wall[c]); m = median(rss[c]) / 1024
      if (c ~ /file/) printf "%-40s %8.2f %10.0f %12.0f\n", names[c], w, m, tokens / w
      else printf "%-40s %8.2f %10.0f %12s\n", names[c], w, m, "-"
    }
    if ("opennlp-file" in wall) {
      printf "speed-up over OpenNLP (file, medians): Native AOT %.1fx, JIT %.1fx\n", median(wall["opennlp-file"]) / median(wall["aot-file"]), median(wall["opennlp-file"]) / median(wall["jit-file"])
    }
  }' "$work/runs.txt"
