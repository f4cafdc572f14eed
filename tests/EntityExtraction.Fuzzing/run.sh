#!/usr/bin/env bash
# Fuzzes one target with afl++ and SharpFuzz for a given time, then replays every crash and hang it found.
#   bash tests/EntityExtraction.Fuzzing/run.sh TARGET MINUTES [OUT]
#   TARGET   model | model-payload | model-image | gazetteer | gazetteer-image | jsonl | tokenizer | pseudonym-map
#   MINUTES  how long afl-fuzz runs
#   OUT      findings folder (default /tmp/fuzz-TARGET); a finding's input is OUT/default/crashes/id:*
# Needs: Debian's afl++ (apt-get install afl++) and the SharpFuzz tool (dotnet tool install -g SharpFuzz.CommandLine
# --version 2.3.0). Run from the repository root. The instrumented build goes to /tmp/fuzz-build, never to bin/.
set -euo pipefail
target="${1:?target: model, model-payload, model-image, gazetteer, gazetteer-image, jsonl, tokenizer or pseudonym-map}"
minutes="${2:?minutes}"
out="${3:-/tmp/fuzz-$target}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${FUZZ_BUILD:-/tmp/fuzz-build}"   # reused when present: delete it after changing the code
command -v afl-fuzz > /dev/null || { echo "run.sh: afl-fuzz not found: apt-get install afl++" >&2; exit 1; }
sharpfuzz="${SHARPFUZZ:-$HOME/.dotnet/tools/sharpfuzz}"
[[ -x "$sharpfuzz" ]] || { echo "run.sh: sharpfuzz not found: dotnet tool install -g SharpFuzz.CommandLine --version 2.3.0" >&2; exit 1; }

if [[ ! -f "$build/EntityExtraction.Fuzzing.dll" ]]; then
  dotnet publish "$root/tests/EntityExtraction.Fuzzing" -c Release -o "$build" > /dev/null
  # Only the library and the tool's code are instrumented: coverage is measured in what we wrote.
  "$sharpfuzz" "$build/EntityExtraction.dll"
  "$sharpfuzz" "$build/entity-extraction.dll"
fi
# The instrumentation is in the .NET assemblies (SharpFuzz), not in the dotnet host afl checks; several targets may
# share the cores (no CPU binding).
export AFL_NO_AFFINITY=1 AFL_SKIP_BIN_CHECK=1 AFL_SKIP_CPUFREQ=1 AFL_I_DONT_CARE_ABOUT_MISSING_CRASHES=1 AFL_NO_UI=1
timeout --signal=INT "$((minutes * 60))" afl-fuzz -i "$root/tests/EntityExtraction.Fuzzing/seeds/$target" -o "$out" \
  -t 10000 -m none -- dotnet "$build/EntityExtraction.Fuzzing.dll" "$target" || true
findings=("$out"/default/crashes/id:* "$out"/default/hangs/id:*)
echo "== $target: $(grep -E '^(execs_done|corpus_count|saved_crashes|saved_hangs)' "$out/default/fuzzer_stats" | tr '\n' ' ')"
for finding in "${findings[@]}"; do
  [[ -f "$finding" ]] || continue
  echo "-- $finding"
  timeout 60 dotnet "$build/EntityExtraction.Fuzzing.dll" "$target" "$finding" 2>&1 | tail -5 || true
done
