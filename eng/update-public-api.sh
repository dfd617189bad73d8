#!/usr/bin/env bash
# Adds new public API of the libraries (the core and the writer packages) to their PublicAPI.Unshipped.txt (RS0016's
# code fix). dotnet format applies that fix only to a single-target project, so each library is built for net10.0
# alone meanwhile. Usage: eng/update-public-api.sh [PROJECT...]   (default: all three, e.g. ArxivDigest.Parsing.Docx)
set -euo pipefail
cd "$(dirname "$0")/../src"
projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=(ArxivDigest.Parsing ArxivDigest.Parsing.Parquet ArxivDigest.Parsing.Docx)
# The backups are private to this run, so that several clones or worktrees can run the script at once.
backups=$(mktemp -d)
restore() {
  for project in "${projects[@]}"; do
    [ -f "$backups/$project.csproj" ] && cp "$backups/$project.csproj" "$project/$project.csproj"
  done
  rm -rf "$backups"
}
trap restore EXIT
for project in "${projects[@]}"; do
  cp "$project/$project.csproj" "$backups/$project.csproj"
  sed -i 's#<TargetFrameworks>net8.0;net10.0</TargetFrameworks>#<TargetFrameworks>net10.0</TargetFrameworks>#' "$project/$project.csproj"
done
for project in "${projects[@]}"; do
  (cd "$project" && dotnet format "$project.csproj" --diagnostics RS0016 \
    && { head -n 1 PublicAPI.Unshipped.txt; tail -n +2 PublicAPI.Unshipped.txt | LC_ALL=C sort -u; } > PublicAPI.Unshipped.tmp \
    && mv PublicAPI.Unshipped.tmp PublicAPI.Unshipped.txt)
done
