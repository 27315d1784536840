#!/usr/bin/env bash
# The README's test command: installs what the tests need on a fresh Debian + Node 20 machine
# (Debian packages from scripts/system-packages.txt, then the npm packages) and runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
mapfile -t PACKAGES < <(grep -v '^\s*#' scripts/system-packages.txt | awk 'NF { print $1 }')
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" != "0" ]; then
    command -v sudo >/dev/null || { echo "Missing Debian packages: ${missing[*]}. As root: apt-get install ${missing[*]}" >&2; exit 1; }
    SUDO="sudo"
  fi
  echo "Installing Debian packages: ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
npm ci --no-audit --no-fund
npm test
