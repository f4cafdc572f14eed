#!/usr/bin/env bash
# The HTML view in a real browser: renders pages with `extract --format html`, opens them in headless Chromium,
# saves screenshots and the DOM the browser built to artifacts/browser/, and checks that DOM against
# `extract --format json` of the same input (check_dom.py): one highlighted <mark> per entity with the right type,
# offsets and text, the text read back whole, a section per JSONL record, and no <script> element from the input.
#   bash tests/browser/check-html.sh          # exit 0 when every page matches; 1 with one line per mismatch
# Installs Debian's chromium package when it is missing (root, or sudo). See docs/html-view.md.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
root=$PWD
out=artifacts/browser
mkdir -p "$out"

if ! command -v chromium > /dev/null; then
  sudo_cmd=$([ "$(id -u)" -eq 0 ] && echo "" || echo sudo)
  echo "== installing chromium (Debian package)"
  started=$SECONDS
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get install -y -qq chromium > "$out/apt.log" 2>&1 \
    || { $sudo_cmd apt-get update -qq > /dev/null && $sudo_cmd apt-get install -y -qq chromium > "$out/apt.log" 2>&1; } \
    || { echo "check-html: could not install chromium (see $out/apt.log)" >&2; exit 1; }
  echo "   installed in $((SECONDS - started)) s"
fi
echo "== $(chromium --version 2> /dev/null)"

echo "== rendering with the CLI"
# The first run builds the tool; the others run what it built.
dotnet run --project src/EntityExtraction.Cli -c Release -- extract seeds/ai-alliance-article.txt --format html > "$out/seed.html"
extract() { dotnet src/EntityExtraction.Cli/bin/Release/net10.0/entity-extraction.dll extract "$@"; }
extract seeds/ai-alliance-article.txt --format json > "$out/seed.json"
# Markup in the input must stay text: a script, an image with a handler, a closing tag, ampersands and quotes.
printf '%s\n' "Sylvain Rolland écrit pour Meta à Paris. <script>alert('xss')</script>" \
  "IBM & Cie \"cite\" <img src=x onerror=alert(1)> la <b>fondation Linux</b></div></mark>." > "$out/hostile.txt"
extract "$out/hostile.txt" --format html > "$out/hostile.html"
extract "$out/hostile.txt" --format json > "$out/hostile.json"
# JSONL: a section per record, headed by its id (one of them markup too).
printf '%s\n' '{"id":"dépêche-1","text":"Meta et IBM lancent l'"'"'AI Alliance à Paris."}' \
  '{"id":2,"text":"Rien à signaler."}' \
  '{"id":"<script>alert(2)</script>","text":"La Nasa et le CERN, écrit Sylvain Rolland.\n<script>alert(3)</script>"}' > "$out/records.jsonl"
extract "$out/records.jsonl" --input-format jsonl --format html > "$out/records.html"
extract "$out/records.jsonl" --input-format jsonl --format json > "$out/records.json"

browser() { chromium --headless --no-sandbox --disable-gpu --hide-scrollbars "$@" 2>> "$out/chromium.log"; }
: > "$out/chromium.log"
status=0
for page in seed hostile records; do
  browser --window-size=1280,2400 --screenshot="$root/$out/$page.png" "file://$root/$out/$page.html" > /dev/null
  browser --dump-dom "file://$root/$out/$page.html" > "$out/$page.dom.html"
  if [ ! -s "$out/$page.dom.html" ]; then
    echo "check-html: chromium returned no DOM for $page.html (see $out/chromium.log)" >&2
    status=1
    continue
  fi
  python3 tests/browser/check_dom.py "$out/$page.dom.html" "$out/$page.json" || status=1
done
echo "== screenshots: $out/seed.png, $out/hostile.png, $out/records.png"
if [ "$status" -ne 0 ]; then
  echo "check-html: the browser's DOM does not match the entities (see the MISMATCH lines above)" >&2
fi
exit "$status"
