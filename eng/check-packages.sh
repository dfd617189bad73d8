#!/usr/bin/env bash
# Packs the NuGet packages and checks them as a user gets them (docs/packages.md):
#   - the four packages (core, Parquet, Docx, the tool) pack with no warning, package validation included;
#   - the core package depends on none of the writers' libraries, and each writer package on exactly the core
#     version it was built with; every package carries its own README.md, with no relative link;
#   - a new console app outside the repository, given only the core package from the packages folder, builds, reads
#     samples/data/2026-01-26.md (106 papers), and restores none of the writers' libraries.
# Usage: eng/check-packages.sh [FOLDER]   (default artifacts/packages; its ArxivDigest.* packages are replaced)
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)
out=${1:-artifacts/packages}
start=$SECONDS

# The writers' libraries, which only the writer packages may bring.
heavy=(Parquet.Net DocumentFormat.OpenXml Markdig AngleSharp)
failures=0
fail() {
  echo "FAILED: $*" >&2
  failures=$((failures + 1))
}

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

version=$(dotnet msbuild src/ArxivDigest.Parsing -getProperty:PackageVersion -nologo)
echo "== Packing version $version into $out"
mkdir -p "$out"
rm -f "$out"/ArxivDigest.*.nupkg "$out"/ArxivDigest.*.snupkg
if ! dotnet pack eng/packages.slnf -c Release -o "$out" -warnaserror -nologo -v quiet > "$work/pack.log" 2>&1; then
  cat "$work/pack.log" >&2
  echo "FAILED: dotnet pack" >&2
  exit 1
fi
warnings=$(grep -c -i ': warning ' "$work/pack.log" || true)
echo "   $warnings warnings"
[ "$warnings" -eq 0 ] || { cat "$work/pack.log"; fail "the packages build with $warnings warnings"; }

packages=(ArxivDigest.Parsing ArxivDigest.Parsing.Parquet ArxivDigest.Parsing.Docx ArxivDigest.Cli)
for id in "${packages[@]}"; do
  nupkg=$out/$id.$version.nupkg
  if [ ! -f "$nupkg" ]; then
    fail "$nupkg was not packed"
    continue
  fi
  nuspec=$(unzip -p "$nupkg" "$id.nuspec")
  deps=$({ grep -o '<dependency id="[^"]*" version="[^"]*"' <<< "$nuspec" || true; } | sed 's/<dependency id="\([^"]*\)" version="\([^"]*\)"/\1 \2/' | sort -u | paste -sd ',' - | sed 's/,/, /g')
  echo "   $id $version ($(du -k "$nupkg" | cut -f1) KB): depends on ${deps:-nothing}"

  # Its own README, standing alone: no link a package page cannot follow.
  grep -q '<readme>README.md</readme>' <<< "$nuspec" || fail "$id: no README.md in its .nuspec"
  readme=$(unzip -p "$nupkg" README.md 2> /dev/null || true)
  [ -n "$readme" ] || fail "$id: no README.md in the package"
  if links=$(grep -oE '\]\([^)]*\)' <<< "$readme" | grep -vE '^\]\(https://' ); then
    fail "$id: README.md has links a package page cannot follow: $(paste -sd ' ' - <<< "$links")"
  fi

  case $id in
    ArxivDigest.Parsing)
      for lib in "${heavy[@]}"; do
        if grep -qi "<dependency id=\"$lib" <<< "$nuspec"; then fail "$id depends on $lib"; fi
      done ;;
    ArxivDigest.Parsing.Parquet | ArxivDigest.Parsing.Docx)
      # Both target frameworks depend on exactly this core version (the package uses its internals).
      exact=$(grep -c "<dependency id=\"ArxivDigest.Parsing\" version=\"\[$version\]\"" <<< "$nuspec" || true)
      [ "$exact" -eq 2 ] || fail "$id: depends on ArxivDigest.Parsing other than [$version] for each framework: $deps"
      if [ "$id" = ArxivDigest.Parsing.Parquet ]; then want=(Parquet.Net); else want=(DocumentFormat.OpenXml Markdig AngleSharp); fi
      for lib in "${want[@]}"; do
        grep -q "<dependency id=\"$lib\"" <<< "$nuspec" || fail "$id does not depend on $lib"
      done ;;
    ArxivDigest.Cli)
      grep -q '<packageType name="DotnetTool"' <<< "$nuspec" || fail "$id is not a .NET tool package" ;;
  esac
done

# A user's new app, outside the repository: only the core package, from the packages folder. Packages go to a
# folder of its own, so that the package just packed is the one used, not one of the same version restored before.
echo "== A new console app with only ArxivDigest.Parsing $version"
feed=$(cd "$out" && pwd)
app=$work/app
mkdir -p "$app"
cat > "$app/nuget.config" << EOF
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <config>
    <add key="globalPackagesFolder" value="packages" />
  </config>
  <packageSources>
    <add key="arxiv-digest-packages" value="$feed" />
  </packageSources>
</configuration>
EOF
cat > "$app/PaperCount.csproj" << 'EOF'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <OutputType>Exe</OutputType>
    <TargetFramework>net10.0</TargetFramework>
    <ImplicitUsings>enable</ImplicitUsings>
    <Nullable>enable</Nullable>
  </PropertyGroup>
</Project>
EOF
cat > "$app/Program.cs" << 'EOF'
using ArxivDigest.Parsing;

Digest digest = DigestParser.ParseFile(args[0]);
Console.WriteLine(digest.Papers.Length);
EOF
if ! (cd "$app" && dotnet add package ArxivDigest.Parsing --version "$version" > "$work/add.log" 2>&1 \
  && dotnet build -c Release -nologo -v quiet > "$work/build.log" 2>&1); then
  cat "$work/add.log" "$work/build.log" 2> /dev/null >&2
  fail "the app does not build on the package"
else
  cmp -s "$feed/ArxivDigest.Parsing.$version.nupkg" "$app/packages/arxivdigest.parsing/$version/arxivdigest.parsing.$version.nupkg" \
    || fail "the app did not restore the package just packed"
  for lib in "${heavy[@]}"; do
    if grep -qi "\"$lib/" "$app/obj/project.assets.json"; then fail "the app's restore brought $lib"; fi
  done
  libraries=$(grep -oE '"[A-Za-z0-9.]+/[0-9][^"]*": \{' "$app/obj/project.assets.json" | cut -d'"' -f2 | sort -u | paste -sd ' ' -)
  echo "   restored: $libraries"
  dlls=$(find "$app/bin/Release/net10.0" -name '*.dll' ! -name PaperCount.dll -printf '%f (%s bytes) ')
  echo "   beside the app: $dlls"
  papers=$(dotnet "$app/bin/Release/net10.0/PaperCount.dll" "$repo/samples/data/2026-01-26.md")
  echo "   samples/data/2026-01-26.md: $papers papers"
  [ "$papers" = 106 ] || fail "the app read $papers papers from samples/data/2026-01-26.md, not 106"
fi

echo "== Packages: $((SECONDS - start)) s, $failures failures"
[ "$failures" -eq 0 ]
