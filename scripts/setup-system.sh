#!/usr/bin/env bash
# System packages the answer engine uses when they are there (it runs without them and logs once):
# the English–Norwegian dictionary for cross-language bridges, and Apertium's Nynorsk → Bokmål translator
# with its word-list fallback. Idempotent; a silent no-op unless run as root on a machine with apt-get.
set -euo pipefail
PACKAGES=(dict-freedict-eng-nor dict-freedict-nno-nob apertium apertium-nno-nob)
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    exit 0
fi
missing=()
for package in "${PACKAGES[@]}"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ "${#missing[@]}" -gt 0 ]; then
    export DEBIAN_FRONTEND=noninteractive
    apt-get install -y --no-install-recommends "${missing[@]}" || {
        apt-get update && apt-get install -y --no-install-recommends "${missing[@]}"
    }
fi
