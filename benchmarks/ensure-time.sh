#!/usr/bin/env bash
# Sourced by the measuring scripts: makes sure GNU time (/usr/bin/time -v, for peak memory) is installed.
if [ ! -x /usr/bin/time ]; then
  echo "/usr/bin/time is missing: installing the Debian package 'time'." >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo=sudo; fi
  $sudo apt-get update
  $sudo apt-get install -y time
fi
