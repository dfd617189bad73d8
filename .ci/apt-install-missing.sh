#!/usr/bin/env bash
# Installs those of the given Debian packages that are not installed yet (without recommendations), quietly.
# Usage: .ci/apt-install-missing.sh NAME PACKAGE...   (NAME labels the messages)
set -euo pipefail
name=$1
shift
missing=()
for p in "$@"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "$name: all $# packages already installed"
  exit 0
fi

echo "$name: installing ${missing[*]}"
start=$SECONDS
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" > /dev/null
echo "$name: installed in $((SECONDS - start)) s"
