#!/usr/bin/env bash
# Publishes arxiv-digest as a native executable (NativeAOT) for this machine's platform:
# artifacts/native/RID/arxiv-digest. It starts in milliseconds and needs no .NET runtime; it cannot load plug-ins
# (--plugin), which need the .NET tool. See docs/native.md.
# Usage: eng/publish-native.sh [RID]   (default: this machine's, e.g. linux-x64; needs a C toolchain: gcc or clang)
set -euo pipefail
cd "$(dirname "$0")/.."

rid=${1:-}
if [ -z "$rid" ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) rid=linux-x64 ;;
    Linux-aarch64) rid=linux-arm64 ;;
    Darwin-arm64) rid=osx-arm64 ;;
    Darwin-x86_64) rid=osx-x64 ;;
    *) echo "Unknown platform $(uname -s)-$(uname -m); give the RID, e.g. eng/publish-native.sh linux-x64" >&2; exit 2 ;;
  esac
fi

out=artifacts/native/$rid
# IL2104/IL3053 are Parquet.Net's own trim/AOT warnings, from its reflection-based class serializer, which this tool
# does not use; eng/check-native.sh shows that every format comes out the same as from the .NET tool.
dotnet publish src/ArxivDigest.Cli -c Release -r "$rid" -p:PublishAot=true \
  -p:WarningsNotAsErrors=IL2104%3BIL3053 -o "$out" -nologo -v quiet
rm -f "$out"/*.pdb "$out"/*.xml
echo "$out/arxiv-digest ($(du -h "$out/arxiv-digest" | cut -f1))"
