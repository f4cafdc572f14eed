#!/usr/bin/env bash
# Installs the entity-extraction tool from artifacts/packages as a user would (dotnet tool install: the pointer
# package, then the package for this machine's RID, compiled ahead of time on linux-x64) and runs it on the seed
# article; checks the package contents a user receives (readme, licence, notice; no debug files).
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
feed="$repo/artifacts/packages"
version=$(ls "$feed"/EntityExtraction.Cli.[0-9]*.nupkg | head -n 1 | sed 's/.*EntityExtraction\.Cli\.\(.*\)\.nupkg/\1/')
work=$(mktemp -d /tmp/entityextraction-tool.XXXXXX)
trap 'rm -rf "$work"' EXIT
export NUGET_PACKAGES="$work/packages"

for package in "$feed"/EntityExtraction.Cli.*.nupkg "$feed"/EntityExtraction.Training.Cli.*.nupkg; do
  listing=$(unzip -l "$package")
  for file in README.md LICENSE NOTICE; do
    grep -q " $file\$" <<<"$listing" || { echo "tool-check: $(basename "$package") lacks $file" >&2; exit 1; }
  done
  if grep -Eq '\.(dbg|dwarf|pdb)$' <<<"$listing"; then
    echo "tool-check: $(basename "$package") ships debug files:" >&2; grep -E '\.(dbg|dwarf|pdb)$' <<<"$listing" >&2; exit 1
  fi
done

# Only the local feed: the repository's nuget.config maps package sources, and the tool needs nothing else.
cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
  </packageSources>
</configuration>
XML
(cd "$work" && dotnet tool install EntityExtraction.Cli --version "$version" --tool-path "$work/tools" --configfile "$work/nuget.config") > "$work/install.log"
cat "$work/install.log"
if [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ]; then
  native=$(ls "$work/tools/.store/entityextraction.cli"/*/*/*/tools/any/linux-x64/entity-extraction 2>/dev/null | head -n 1)
  [ -n "$native" ] && [ "$(head -c 4 "$native" | od -An -c | tr -d ' ')" = '177ELF' ] \
    || { echo "tool-check: linux-x64 did not get the Native AOT package" >&2; exit 1; }
  echo "tool-check: the linux-x64 package (Native AOT, $(du -h "$native" | cut -f1)) was installed"
fi
output=$("$work/tools/entity-extraction" extract "$repo/seeds/ai-alliance-article.txt" --format jsonl)
for name in '"type":"ORG","text":"IBM"' '"type":"ORG","text":"Meta"' '"type":"PER","text":"Sylvain Rolland"' '"type":"ORG","text":"CERN"' '"type":"ORG","text":"Hugging Face"'; do
  grep -q "$name" <<<"$output" || { echo "tool-check: the installed tool did not find $name" >&2; exit 1; }
done
echo "tool-check: entity-extraction $version installed from the local feed and ran on the seed article"
# Pseudonymisation in the installed (Native AOT on linux-x64) tool: surrogates and a keyed map, then the original back.
head -c 32 /dev/urandom > "$work/key"
"$work/tools/entity-extraction" pseudonymize "$repo/seeds/ai-alliance-article.txt" --operator surrogate --key-file "$work/key" --map-out "$work/map.json" > "$work/pseudonymized.txt"
! grep -q "Sylvain Rolland" "$work/pseudonymized.txt" || { echo "tool-check: pseudonymize left 'Sylvain Rolland' in the text" >&2; exit 1; }
"$work/tools/entity-extraction" restore "$work/pseudonymized.txt" --map "$work/map.json" | cmp -s - "$repo/seeds/ai-alliance-article.txt" \
  || { echo "tool-check: restore did not give the seed article back byte for byte" >&2; exit 1; }
echo "tool-check: pseudonymize and restore round-tripped the seed article"
