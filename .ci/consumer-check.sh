#!/usr/bin/env bash
# Builds a throwaway console app outside the solution that references EntityExtraction and EntityExtraction.ML by
# PackageReference from artifacts/packages (never a ProjectReference), then runs it.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
feed="$repo/artifacts/packages"
package=$(ls "$feed"/EntityExtraction.[0-9]*.nupkg | head -n 1)
version=$(basename "$package" .nupkg); version=${version#EntityExtraction.}

work=$(mktemp -d /tmp/entityextraction-consumer.XXXXXX)
trap 'rm -rf "$work"' EXIT
# A private package cache so a stale copy of the same version can never satisfy the restore.
export NUGET_PACKAGES="$work/packages"

cat > "$work/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <clear />
    <add key="local" value="$feed" />
    <add key="nuget.org" value="https://api.nuget.org/v3/index.json" />
  </packageSources>
</configuration>
XML
mkdir "$work/app"
cat > "$work/app/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <!-- Both frameworks the package targets; .NET 8 self-contained, as this machine has only the .NET 10 runtime. -->
    <TargetFrameworks>net10.0;net8.0</TargetFrameworks>
    <Nullable>enable</Nullable>
    <ImplicitUsings>enable</ImplicitUsings>
    <TreatWarningsAsErrors>true</TreatWarningsAsErrors>
  </PropertyGroup>
  <PropertyGroup Condition="'\$(TargetFramework)' == 'net8.0'">
    <RuntimeIdentifier>\$(NETCoreSdkRuntimeIdentifier)</RuntimeIdentifier>
    <SelfContained>true</SelfContained>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="EntityExtraction" Version="$version" />
    <PackageReference Include="EntityExtraction.ML" Version="$version" />
    <PackageReference Include="EntityExtraction.Extensions.DependencyInjection" Version="$version" />
    <!-- The container a host would bring; the DI package itself needs only the abstractions. -->
    <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="8.0.1" />
  </ItemGroup>
</Project>
XML
cp "$repo/.ci/consumer/Program.cs" "$work/app/Program.cs"

cd "$work/app"
dotnet restore --configfile "$work/nuget.config"
dotnet build -c Release --no-restore
for framework in net10.0 net8.0; do
  output=$(dotnet run -c Release --no-build --framework "$framework")
  echo "$output"
  # The app checks its own results and exits non-zero on a mismatch; this guards against an empty run.
  grep -q "consumer check passed on .NET ${framework#net}" <<<"$output"
  echo "consumer check ($framework): EntityExtraction, EntityExtraction.ML and EntityExtraction.Extensions.DependencyInjection $version restored from the local feed, built and ran"
done
