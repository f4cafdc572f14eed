#!/usr/bin/env bash
# Streaming memory benchmark (issue #14): the peak RSS of `entity-extraction extract` on plain-text files of growing
# size, which the streaming read (FrenchEntityExtractor.ExtractAsync) keeps independent of the file's size.
#
#   bash tests/EntityExtraction.Benchmarks/stream-memory.sh [SIZE_MB...]    (from the repository root; default 10 100 1000)
#
# Publishes the tool (Native AOT for this machine, as whole-process.sh does), makes one text of the test sets — the
# "text" of every record of ../shared/data/ner/test/*.jsonl, a record a line and a blank line after each file, and the
# sentences of every test/*.conll, tokens joined by spaces, a sentence a line (1.3 MB) — and repeats it, whole copies,
# to each size (the files are kept in the work folder: 1 GB of disk for the largest; git ignores artifacts/). Then it
# runs `extract FILE --format FORMAT > /dev/null` on each under /usr/bin/time, for each of FORMATS (default "jsonl";
# "jsonl pretty" for both), and prints wall time, peak RSS and throughput. Needs /usr/bin/time and jq. `dotnet publish
# -r` rewrites the packages.lock.json files: `git checkout -- '*packages.lock.json'` afterwards.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
sizes=${*:-10 100 1000}
formats=${FORMATS:-jsonl}
data=${DATA:-../shared/data/ner}
work=${WORK:-artifacts/stream-memory}
mkdir -p "$work"
[ -x /usr/bin/time ] || { echo "stream-memory: /usr/bin/time is missing (apt-get install time)" >&2; exit 1; }
command -v jq > /dev/null || { echo "stream-memory: jq is missing (apt-get install jq)" >&2; exit 1; }

echo "== building the tool (Native AOT for $(uname -m))" >&2
dotnet publish src/EntityExtraction.Cli -c Release -r linux-x64 -o "$work/aot" > "$work/publish.log"
tool="$work/aot/entity-extraction"

base="$work/test-sets.txt"
{
  for f in "$data"/test/*.jsonl; do jq -r '.text' "$f"; echo; done
  for f in "$data"/test/*.conll; do
    awk 'BEGIN{ORS="";first=1} /^$/ {print "\n"; first=1; next} {split($0,a,"\t"); if(!first) print " "; print a[1]; first=0} END{print "\n\n"}' "$f"
  done
} > "$base"

printf "%-9s %-7s %14s %8s %9s %8s\n" "size" "format" "bytes" "wall s" "peak MB" "MB/s"
for size in $sizes; do
  file="$work/test-sets-${size}MB.txt"
  target=$((size * 1048576))
  if [ ! -f "$file" ] || [ "$(stat -c %s "$file")" -lt "$target" ] || [ "$(stat -c %s "$file")" -ge $((target + $(stat -c %s "$base"))) ]; then
    : > "$file"
    while [ "$(stat -c %s "$file")" -lt "$target" ]; do cat "$base" >> "$file"; done
  fi
  bytes=$(stat -c %s "$file")
  for format in $formats; do
    /usr/bin/time -f "%e %M" -o "$work/time.txt" "$tool" extract "$file" --format "$format" > /dev/null 2> "$work/stderr.txt" \
      || { cat "$work/stderr.txt" >&2; exit 1; }
    read -r wall kb < "$work/time.txt"
    awk -v s="${size} MB" -v f="$format" -v b="$bytes" -v w="$wall" -v k="$kb" \
      'BEGIN { printf "%-9s %-7s %14d %8.1f %9.0f %8.2f\n", s, f, b, w, k / 1024, b / 1048576 / w }'
  done
done
