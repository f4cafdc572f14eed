#!/usr/bin/env bash
# Load on the web API sample (issue #14): requests per second and latency of POST /extract on the loopback, the
# server's CPU time and its peak memory.
#
#   bash tests/EntityExtraction.Benchmarks/webapi-load.sh [SECONDS] [CONNECTIONS]    (from the repository root; 20, 8)
#
# Builds samples/EntityExtraction.WebApi (Release), starts it on 127.0.0.1:$PORT (default 5099), warms it up for 5 s,
# then runs wrk (Debian package `wrk`) with one client thread and CONNECTIONS connections for SECONDS on each body:
# the seed article as text/plain (2,283 bytes, 406 tokens) and one sentence. Prints the load average, wrk's summary,
# the server's CPU time over the run (requests per server CPU-second: what one core of the server does, even when
# other jobs share the machine) and its peak RSS (VmHWM), then stops the server. Only the loopback is loaded, and
# every run is bounded by SECONDS. wrk runs on the same cores as the server.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
seconds=${1:-20}
connections=${2:-8}
port=${PORT:-5099}
work=${WORK:-artifacts/webapi-load}
mkdir -p "$work"
command -v wrk > /dev/null || { echo "webapi-load: wrk is missing (apt-get install wrk)" >&2; exit 1; }

dotnet build samples/EntityExtraction.WebApi -c Release > "$work/build.log"
(cd samples/EntityExtraction.WebApi/bin/Release/net10.0 \
  && exec dotnet EntityExtraction.WebApi.dll --urls "http://127.0.0.1:$port" --Logging:LogLevel:Default=Warning) > "$work/server.log" 2>&1 &
server=$!
trap 'kill "$server" 2> /dev/null || true' EXIT
for _ in $(seq 150); do curl -sf "http://127.0.0.1:$port/health" > /dev/null && break; sleep 0.2; done

cat > "$work/post.lua" <<'LUA'
local file = assert(io.open(os.getenv("BODY"), "rb"))
wrk.method = "POST"
wrk.body = file:read("*a")
file:close()
wrk.headers["Content-Type"] = "text/plain; charset=utf-8"
LUA
sentence="$work/sentence.txt"
printf "Meta et IBM lancent l'AI Alliance, écrit Sylvain Rolland." > "$sentence"

echo "== load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
BODY=seeds/ai-alliance-article.txt wrk -t1 -c"$connections" -d5s -s "$work/post.lua" "http://127.0.0.1:$port/extract" > /dev/null
# The server's CPU time (user + system) in seconds, from /proc (clock ticks).
cpu() { awk -v hz="$(getconf CLK_TCK)" '{ print ($14 + $15) / hz }' "/proc/$server/stat"; }
for body in seeds/ai-alliance-article.txt "$sentence"; do
  echo "== POST /extract: $body ($(wc -c < "$body") bytes), $connections connections, $seconds s"
  before=$(cpu)
  BODY="$body" wrk -t1 -c"$connections" -d"${seconds}s" --latency -s "$work/post.lua" "http://127.0.0.1:$port/extract" | tee "$work/wrk.txt"
  after=$(cpu)
  awk -v cpu="$(awk -v a="$after" -v b="$before" 'BEGIN { print a - b }')" '/^Requests\/sec:/ { rate = $2 } /requests in/ { n = $1 }
    END { printf "server CPU %.2f s: %.0f requests per server CPU-second\n", cpu, n / cpu }' "$work/wrk.txt"
done
echo "== server peak RSS $(awk '/VmHWM/ { printf "%.0f MB", $2 / 1024 }' "/proc/$server/status"); load average $(cut -d' ' -f1-3 /proc/loadavg)"
