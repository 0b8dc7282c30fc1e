#!/usr/bin/env bash
# System packages beyond Python, from Debian: headless Chromium and its driver for the partner page's browser
# test; the English–Norwegian dictionary for cross-language bridges and Apertium's Nynorsk → Bokmål translator
# with its word-list fallback; Apertium's Bokmål analyser (apertium-dan-nor) and the Danish–English dictionary, which
# give the English glosses of Norwegian pages their lemmas (the answer engine runs without them and logs once
# what is missing).
# Usage: setup-system.sh [--test]   (--test adds what only the tests need: the browser and its driver)
# Idempotent; does something only as root on a machine with apt-get, and is a silent no-op otherwise.
set -euo pipefail

PACKAGES=(dict-freedict-eng-nor dict-freedict-nno-nob apertium apertium-nno-nob apertium-dan-nor dict-freedict-dan-eng)
if [ "${1:-}" = "--test" ]; then
    PACKAGES+=(chromium chromium-driver)
fi

if [ "$(id -u)" -ne 0 ] || ! command -v apt-get >/dev/null 2>&1; then
    exit 0
fi
missing=()
for package in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if [ "${#missing[@]}" -eq 0 ]; then
    exit 0
fi
export DEBIAN_FRONTEND=noninteractive
apt-get install -y --no-install-recommends "${missing[@]}" || {
    apt-get update
    apt-get install -y --no-install-recommends "${missing[@]}"
}
