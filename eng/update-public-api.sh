#!/usr/bin/env bash
# Adds new public API of the library to PublicAPI.Unshipped.txt (RS0016's code fix).
# dotnet format applies that fix only to a single-target project, so the library is built for net10.0 alone meanwhile.
set -euo pipefail
cd "$(dirname "$0")/../src/ArxivDigest.Parsing"
# The backup is private to this run, so that several clones or worktrees can run the script at once.
backup=$(mktemp)
cp ArxivDigest.Parsing.csproj "$backup"
trap 'cp "$backup" ArxivDigest.Parsing.csproj; rm -f "$backup"' EXIT
sed -i 's#<TargetFrameworks>net8.0;net10.0</TargetFrameworks>#<TargetFrameworks>net10.0</TargetFrameworks>#' ArxivDigest.Parsing.csproj
dotnet format ArxivDigest.Parsing.csproj --diagnostics RS0016
{ head -n 1 PublicAPI.Unshipped.txt; tail -n +2 PublicAPI.Unshipped.txt | LC_ALL=C sort -u; } > PublicAPI.Unshipped.tmp
mv PublicAPI.Unshipped.tmp PublicAPI.Unshipped.txt
