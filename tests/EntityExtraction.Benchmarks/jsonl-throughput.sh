#!/usr/bin/env bash
# The command line's JSONL filter as the stage of a batch engine (docs/scaling.md): records per second and peak memory
# of `entity-extraction extract --input-format jsonl --format jsonl`, on one core and on all.
#
#   [AOT=1] bash tests/EntityExtraction.Benchmarks/jsonl-throughput.sh [RECORDS] [RUNS]    (from the repository root; 4000, 3)
#
# Builds the tool framework-dependent (Release; `dotnet entity-extraction.dll`), or with AOT=1 publishes it Native
# AOT for linux-x64 (the executable the linux-x64 tool package holds; needs clang), start-up included in the times;
# writes RECORDS records {"id":…,"text":…} of the seed article (406 tokens each), and times RUNS runs of each
# setting with /usr/bin/time (Debian package `time`), output to /dev/null. Prints each run — wall time, and CPU time
# (user + system), which says what one core does even when other jobs share the machine — and the load average.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
records=${1:-4000}
runs=${2:-3}
work=${WORK:-artifacts/jsonl-throughput}
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "jsonl-throughput: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }

if [ "${AOT:-0}" = 1 ]; then
  # As whole-process.sh does. Publishing for a runtime rewrites the lock files of the tool's projects: put them back.
  dotnet publish src/EntityExtraction.Cli -c Release -r linux-x64 -o "$work/aot" > "$work/build.log"
  git checkout -- src/EntityExtraction.Cli/packages.lock.json src/EntityExtraction/packages.lock.json \
    src/EntityExtraction.Data/packages.lock.json 2> /dev/null || true
  tool=("$work/aot/entity-extraction")
else
  dotnet build src/EntityExtraction.Cli -c Release > "$work/build.log"
  tool=(dotnet src/EntityExtraction.Cli/bin/Release/net10.0/entity-extraction.dll)
fi
input="$work/records.jsonl"
python3 - "$records" "$input" <<'PY'
import json, sys
text = open("seeds/ai-alliance-article.txt", encoding="utf-8").read()
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for i in range(int(sys.argv[1])):
        out.write(json.dumps({"id": f"doc-{i}", "text": text}, ensure_ascii=False) + "\n")
PY
echo "== ${tool[*]}: $records records, $(wc -c < "$input") bytes; load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
for run in $(seq "$runs"); do
  for threads in 1 "$(nproc)"; do
    /usr/bin/time -f "%e %U %S %M" -o "$work/time.txt" "${tool[@]}" extract "$input" --input-format jsonl --format jsonl --threads "$threads" > /dev/null
    read -r wall user sys kb < "$work/time.txt"
    awk -v r="$records" -v w="$wall" -v cpu="$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" -v kb="$kb" -v t="$threads" -v run="$run" \
      'BEGIN { printf "run %d, --threads %d: %.2f s wall, %.0f records/s, %.0f tokens/s; %.2f s CPU, %.0f tokens per CPU-second; peak RSS %.0f MB\n", run, t, w, r / w, r * 406 / w, cpu, r * 406 / cpu, kb / 1024 }'
  done
done
echo "== load average $(cut -d' ' -f1-3 /proc/loadavg)"
